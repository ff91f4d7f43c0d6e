namespace VmAddon.Api.Manifests;

/// <summary>Every document of a manifest, loaded, or the YAML syntax error that stopped the reading.</summary>
public sealed record ManifestLoadResult(IReadOnlyList<LoadedResource> Resources, ManifestSyntaxError? SyntaxError)
{
    public bool IsValid => SyntaxError is null && Resources.All(r => r.IsValid);
}
