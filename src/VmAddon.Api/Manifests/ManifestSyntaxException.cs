namespace VmAddon.Api.Manifests;

/// <summary>Thrown where a manifest must be valid YAML to go on; carries the line and column.</summary>
public sealed class ManifestSyntaxException : Exception
{
    public ManifestSyntaxException(ManifestSyntaxError error)
        : base(error?.ToString())
    {
        Error = error!;
    }

    public ManifestSyntaxException()
    {
        Error = new ManifestSyntaxError(0, 0, "invalid YAML");
    }

    public ManifestSyntaxException(string message)
        : base(message)
    {
        Error = new ManifestSyntaxError(0, 0, message);
    }

    public ManifestSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new ManifestSyntaxError(0, 0, message);
    }

    public ManifestSyntaxError Error { get; }
}
