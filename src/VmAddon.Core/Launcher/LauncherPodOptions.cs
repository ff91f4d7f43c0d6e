using VmAddon.Api;
using VmAddon.Core.Launcher.Plan;
using VmAddon.Core.Launcher.Resources;

namespace VmAddon.Core.Launcher;

/// <summary>Cluster-wide settings for rendering launcher Pods; the controller binds and validates them at startup.</summary>
public sealed record LauncherPodOptions
{
    /// <summary>The VmAddon release the launcher image is tagged with. Hosts set it from their own build; 0.1.0 until the first release.</summary>
    public string Version { get; init; } = "0.1.0";

    /// <summary>The launcher image. Defaults to <c>vmaddon/launcher:&lt;Version&gt;</c>.</summary>
    public string? Image { get; init; }

    /// <summary>The launcher image's pull policy, IfNotPresent (KubeVirt's): a release tag never changes.</summary>
    public string ImagePullPolicy { get; init; } = "IfNotPresent";

    /// <summary>
    /// True to run guests under QEMU's software emulation (TCG), so the Pod does not ask for /dev/kvm. False by
    /// default, as KubeVirt's useEmulation; set it on clusters whose nodes cannot run guests under KVM (DESIGN §8).
    /// </summary>
    public bool SoftwareEmulation { get; init; }

    /// <summary>vCPUs per requested core: 10 (KubeVirt's cpuAllocationRatio), so each vCPU requests 100m.</summary>
    public int CpuAllocationRatio { get; init; } = 10;

    /// <summary>The memory the launcher needs beyond the guest's RAM; KubeVirt's formula until <c>make bench</c> gives ours.</summary>
    public MemoryOverheadFormula MemoryOverhead { get; init; } = new();

    /// <summary>
    /// Seconds added to the VMI's grace period to make the Pod's: 15, KubeVirt's padding. The launcher spends
    /// the VMI's grace period on an ACPI shutdown, then needs time to destroy QEMU and exit before the kubelet
    /// sends SIGKILL. (KubeVirt pads twice: 15 s for the launcher's own deadline and 15 s more for the Pod's.
    /// Our launcher gets the VMI's grace period itself, so one padding covers the destroy and exit.)
    /// </summary>
    public long GracePeriodPaddingSeconds { get; init; } = 15;

    /// <summary>
    /// A node label the launcher Pod requires with the value "true", or null for none. Defaults to
    /// vmaddon.io/schedulable, which the agent keeps on nodes it serves (KubeVirt's kubevirt.io/schedulable), so a
    /// VM never lands on a node where no agent would start it.
    /// </summary>
    public string? SchedulableNodeLabel { get; init; } = VmAddonMetadata.SchedulableNodeLabel;

    /// <summary>
    /// The launcher's hypervisor: <see cref="LauncherPlan.QemuHypervisor"/> (the default) for real guests, or
    /// <see cref="LauncherPlan.TestHypervisor"/> for density runs, where launchers start no libvirtd and the agents
    /// simulate domains on libvirt's test driver.
    /// </summary>
    public string Hypervisor { get; init; } = LauncherPlan.QemuHypervisor;

    /// <summary>The image to run: <see cref="Image"/>, or else <c>vmaddon/launcher:&lt;Version&gt;</c>.</summary>
    public string EffectiveImage => string.IsNullOrEmpty(Image) ? $"vmaddon/launcher:{Version}" : Image;

    /// <summary>Every problem with these options, each as a sentence naming the option; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Image) && string.IsNullOrWhiteSpace(Version))
        {
            errors.Add("Version: must be set when Image is not.");
        }

        if (ImagePullPolicy is not ("Always" or "IfNotPresent" or "Never"))
        {
            errors.Add($"ImagePullPolicy: \"{ImagePullPolicy}\" is not Always, IfNotPresent or Never.");
        }

        if (Hypervisor is not (LauncherPlan.QemuHypervisor or LauncherPlan.TestHypervisor))
        {
            errors.Add($"Hypervisor: \"{Hypervisor}\" is not {LauncherPlan.QemuHypervisor} or {LauncherPlan.TestHypervisor}.");
        }

        if (CpuAllocationRatio < 1)
        {
            errors.Add($"CpuAllocationRatio: must be at least 1, not {CpuAllocationRatio}.");
        }

        if (GracePeriodPaddingSeconds < 0)
        {
            errors.Add($"GracePeriodPaddingSeconds: may not be negative, not {GracePeriodPaddingSeconds}.");
        }

        if (MemoryOverhead.FixedBytes < 0 || MemoryOverhead.PerVcpuBytes < 0 || MemoryOverhead.PageTableDivisor < 1)
        {
            errors.Add("MemoryOverhead: FixedBytes and PerVcpuBytes may not be negative, and PageTableDivisor must be at least 1.");
        }

        return errors;
    }
}
