namespace VmAddon.Api.Manifests;

/// <summary>The documents of a manifest, or why it could not be read.</summary>
public sealed record ManifestReadResult(IReadOnlyList<ManifestDocument> Documents, ManifestSyntaxError? SyntaxError);
