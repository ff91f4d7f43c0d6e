namespace VmAddon.Core.Domain;

/// <summary>Node facts the domain renderer needs besides the VMI.</summary>
public sealed record DomainRenderOptions
{
    /// <summary>
    /// Run the guest under QEMU's software emulation (TCG, domain type <c>qemu</c>) instead of KVM.
    /// Defaults to false. The agent sets it on nodes where KVM cannot run guests, for example nested ones.
    /// </summary>
    public bool SoftwareEmulation { get; init; }

    /// <summary>
    /// MiB of translated code QEMU keeps under software emulation: 32. QEMU 7.2's default (up to 1 GiB) made
    /// TCG's cache the largest part of a small guest's overhead in <c>make bench</c>; 32 MiB holds a small
    /// guest's hot code. Ignored under KVM.
    /// </summary>
    public int TcgTranslationCacheMiB { get; init; } = 32;
}
