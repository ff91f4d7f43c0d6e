using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>libvirt's per-thread error functions.</summary>
internal static unsafe partial class ErrorNative
{
    /// <summary>Returns libvirt's thread-local last error, owned by libvirt: read it, never free it.</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial IntPtr virGetLastError();

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial void virResetLastError();

    /// <summary>Replaces libvirt's default handler, which prints every error to stderr, even those we handle.</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial void virSetErrorFunc(IntPtr userData, delegate* unmanaged<IntPtr, IntPtr, void> handler);
}
