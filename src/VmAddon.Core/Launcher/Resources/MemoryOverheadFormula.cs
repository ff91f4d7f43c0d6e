namespace VmAddon.Core.Launcher.Resources;

/// <summary>
/// The memory a launcher Pod needs beyond the guest's RAM: <c>FixedBytes + PerVcpuBytes × vCPUs + guest / PageTableDivisor</c>.
/// </summary>
/// <remarks>
/// The defaults are KubeVirt's starting point (GetMemoryOverhead in virt-controller), not a measurement of ours:
/// they are to be replaced by what <c>make bench</c> measures for launcher + libvirtd + QEMU (DESIGN §6 targets
/// ≤ 48 MiB). Until then we reserve as KubeVirt does, because under-reserving gets the guest OOM-killed while
/// over-reserving only costs density.
/// </remarks>
public sealed record MemoryOverheadFormula
{
    private const long MiB = 1024 * 1024;

    /// <summary>
    /// 228 MiB: KubeVirt's process RSS estimates (virt-launcher-monitor 25 Mi, virt-launcher 100 Mi, virtlogd 25 Mi,
    /// virtqemud 40 Mi, QEMU 30 Mi) plus its fixed 8 Mi for one IO thread. KubeVirt adds 16 Mi of video RAM when a
    /// graphics device is attached; VmAddon attaches none, so that part is left out.
    /// </summary>
    public long FixedBytes { get; init; } = (25 + 100 + 25 + 40 + 30 + 8) * MiB;

    /// <summary>8 MiB per vCPU (KubeVirt's CPU table overhead).</summary>
    public long PerVcpuBytes { get; init; } = 8 * MiB;

    /// <summary>512: page tables take one byte per 512 bytes of guest RAM (KubeVirt).</summary>
    public long PageTableDivisor { get; init; } = 512;

    /// <summary>The overhead in bytes for a guest of <paramref name="guestBytes"/> with <paramref name="vcpus"/> vCPUs.</summary>
    public long OverheadBytes(long guestBytes, long vcpus)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(guestBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(vcpus, 1);
        return FixedBytes + (PerVcpuBytes * vcpus) + (guestBytes / PageTableDivisor);
    }
}
