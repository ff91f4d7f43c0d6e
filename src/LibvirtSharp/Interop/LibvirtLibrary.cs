namespace LibvirtSharp.Interop;

/// <summary>The native library every import binds to: Debian's libvirt0 package.</summary>
internal static class LibvirtLibrary
{
    internal const string Name = "libvirt.so.0";
}
