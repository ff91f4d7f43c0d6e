using VmAddon.Core.Launcher;

namespace VmAddon.Core.Rendering;

/// <summary>Node and cluster facts that shape what an instance renders to.</summary>
public sealed record RenderSettings
{
    /// <summary>Render for QEMU's software emulation (TCG) instead of KVM. False by default, as on real clusters.</summary>
    public bool SoftwareEmulation { get; init; }

    /// <summary>How launcher Pods are built; its own SoftwareEmulation is overridden by <see cref="SoftwareEmulation"/>.</summary>
    public LauncherPodOptions LauncherPod { get; init; } = new();
}
