using System.Text.RegularExpressions;

namespace VmAddon.Api.Manifests;

/// <summary>Builds and takes apart field paths written as Kubernetes writes them: spec.disks[1].name, spec.nodeSelector[key].</summary>
public static partial class FieldPath
{
    public static string Child(string parent, string field)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent.Length == 0 ? field : $"{parent}.{field}";
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The path one step up, or the empty string at the top.</summary>
    public static string Parent(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var match = LastStep().Match(path);
        return match.Success ? path[..match.Index] : "";
    }

    [GeneratedRegex(@"(\.[^.\[\]]+|\[[^\]]*\])$")]
    private static partial Regex LastStep();
}
