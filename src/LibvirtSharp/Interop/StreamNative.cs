using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>libvirt's stream functions.</summary>
internal static unsafe partial class StreamNative
{
    internal const uint NonBlocking = 1;

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial StreamHandle virStreamNew(ConnectionHandle conn, uint flags);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virStreamFree(IntPtr stream);

    /// <summary>Returns the bytes read, 0 at end of stream, -1 on error, -2 when a non-blocking stream has nothing yet.</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virStreamRecv(StreamHandle stream, byte* data, nuint length);

    /// <summary>Returns the bytes sent, -1 on error, -2 when a non-blocking stream cannot take more yet.</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virStreamSend(StreamHandle stream, byte* data, nuint length);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virStreamEventAddCallback(
        StreamHandle stream,
        int events,
        delegate* unmanaged<IntPtr, int, IntPtr, void> callback,
        IntPtr opaque,
        delegate* unmanaged<IntPtr, void> freeCallback);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virStreamEventUpdateCallback(StreamHandle stream, int events);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virStreamEventRemoveCallback(StreamHandle stream);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virStreamFinish(StreamHandle stream);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virStreamAbort(StreamHandle stream);
}
