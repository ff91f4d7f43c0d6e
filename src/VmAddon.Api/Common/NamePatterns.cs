namespace VmAddon.Api;

/// <summary>The name patterns of Kubernetes API conventions.</summary>
public static class NamePatterns
{
    /// <summary>An RFC 1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric.</summary>
    public const string Dns1123Label = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>A colon-separated MAC address such as 52:54:00:12:34:56.</summary>
    public const string MacAddress = "^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$";
}
