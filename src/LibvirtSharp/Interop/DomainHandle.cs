using Microsoft.Win32.SafeHandles;

namespace LibvirtSharp.Interop;

/// <summary>
/// Owns one reference to a <c>virDomainPtr</c>; released with <c>virDomainFree</c>. libvirt's domain object holds
/// its own reference to its connection, so a domain stays usable after the connection's handle is disposed.
/// </summary>
internal sealed class DomainHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DomainHandle()
        : base(ownsHandle: true)
    {
    }

    internal DomainHandle(IntPtr existing)
        : base(ownsHandle: true) => SetHandle(existing);

    protected override bool ReleaseHandle() => DomainNative.virDomainFree(handle) == 0;
}
