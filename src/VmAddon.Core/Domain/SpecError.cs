namespace VmAddon.Core.Domain;

/// <summary>
/// The exceptions the domain renderer throws, each naming the VMI field at fault in the validator's
/// "path: sentence" form, so a spec that slipped past validation still fails with a useful message.
/// </summary>
internal static class SpecError
{
    /// <summary>A field is missing or malformed: the caller passed a VMI that was not defaulted or validated.</summary>
    public static ArgumentException Invalid(string path, string message) => new($"{path}: {message}", "vmi");

    /// <summary>A feature VmAddon does not render yet; it must fail rather than be dropped silently.</summary>
    public static NotSupportedException Unsupported(string path, string message) => new($"{path}: {message}");
}
