using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>libvirt's default event loop.</summary>
internal static partial class EventNative
{
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virEventRegisterDefaultImpl();

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virEventRunDefaultImpl();
}
