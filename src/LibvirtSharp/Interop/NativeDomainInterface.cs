using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>libvirt's <c>virDomainInterface</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeDomainInterface
{
    public IntPtr Name;
    public IntPtr HardwareAddress;
    public uint AddressCount;
    public IntPtr Addresses;
}
