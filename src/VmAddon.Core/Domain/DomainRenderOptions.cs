namespace VmAddon.Core.Domain;

/// <summary>Node facts the domain renderer needs besides the VMI.</summary>
public sealed record DomainRenderOptions
{
    /// <summary>
    /// Run the guest under QEMU's software emulation (TCG, domain type <c>qemu</c>) instead of KVM.
    /// Defaults to false. The agent sets it on nodes where KVM cannot run guests, for example nested ones.
    /// </summary>
    public bool SoftwareEmulation { get; init; }
}
