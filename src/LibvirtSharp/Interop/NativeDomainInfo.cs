using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>libvirt's <c>virDomainInfo</c>; C <c>unsigned long</c> is CULong so the layout holds on every ABI.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeDomainInfo
{
    public byte State;
    public CULong MaxMemKiB;
    public CULong MemoryKiB;
    public ushort VirtualCpuCount;
    public ulong CpuTimeNs;
}
