using VmAddon.Core.Launcher;

namespace VmAddon.Cli.Expose;

/// <summary>
/// The selector of the Service kubectl vm expose creates. As virtctl: the labels of the VM's template (or of the VMI),
/// which the controller copies onto each launcher pod. VmAddon's own labels are left out (the node label is added to
/// the VMI later and is not on the pod). With no labels of the user's, the launcher's VMI-name label selects it.
/// </summary>
internal static class ServiceSelector
{
    public static Dictionary<string, string> For(string instanceName, IDictionary<string, string>? labels)
    {
        var own = (labels ?? new Dictionary<string, string>())
            .Where(l => !l.Key.StartsWith("vmaddon.io/", StringComparison.Ordinal))
            .ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        return own.Count > 0 ? own : new Dictionary<string, string>(StringComparer.Ordinal) { [LauncherPodLabels.VmiName] = instanceName };
    }
}
