using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>The head of libvirt's <c>virError</c>; only the fields we read, which lead the struct.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeError
{
    public int Code;
    public int Domain;
    public IntPtr Message;
    public int Level;
}
