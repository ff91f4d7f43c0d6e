namespace VmAddon.Api.Manifests;

/// <summary>A manifest that is not valid YAML, with the 1-based line and column where the parser stopped.</summary>
public sealed record ManifestSyntaxError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: invalid YAML: {Message}";
}
