namespace VmAddon.Core.Launcher;

/// <summary>The labels every launcher Pod carries, for selectors in the controller, the agent and Services.</summary>
public static class LauncherPodLabels
{
    /// <summary>The name of the VMI the Pod runs (KubeVirt: kubevirt.io/domain).</summary>
    public const string VmiName = "vmaddon.io/vmi-name";

    /// <summary>The uid of the VMI the Pod runs, so a Pod of a deleted and recreated VMI of the same name is told apart (KubeVirt: kubevirt.io/created-by).</summary>
    public const string CreatedBy = "vmaddon.io/created-by";

    /// <summary>Which VmAddon component the Pod is (KubeVirt: kubevirt.io=virt-launcher).</summary>
    public const string Component = "vmaddon.io/component";

    /// <summary>The value of <see cref="Component"/> on launcher Pods.</summary>
    public const string LauncherComponent = "virt-launcher";
}
