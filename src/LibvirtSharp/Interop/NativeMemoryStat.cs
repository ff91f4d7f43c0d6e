using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>libvirt's <c>virDomainMemoryStatStruct</c>: a tag and its value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeMemoryStat
{
    public int Tag;
    public ulong Value;
}
