using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>libvirt's <c>virDomainIPAddress</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeIpAddress
{
    public int Type;
    public IntPtr Address;
    public uint Prefix;
}
