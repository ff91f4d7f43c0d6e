using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>libvirt's connection functions.</summary>
internal static unsafe partial class ConnectNative
{
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virInitialize();

    [LibraryImport(LibvirtLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ConnectionHandle virConnectOpen(string uri);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virConnectClose(IntPtr conn);

    /// <summary>Adds a reference that a later virConnectClose releases.</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virConnectRef(IntPtr conn);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virConnectIsAlive(ConnectionHandle conn);

    /// <summary>Returns a string the caller frees with free().</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial IntPtr virConnectGetURI(ConnectionHandle conn);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virConnectSetKeepAlive(ConnectionHandle conn, int interval, uint count);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virConnectRegisterCloseCallback(
        ConnectionHandle conn,
        delegate* unmanaged<IntPtr, int, IntPtr, void> callback,
        IntPtr opaque,
        delegate* unmanaged<IntPtr, void> freeCallback);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virConnectUnregisterCloseCallback(ConnectionHandle conn, delegate* unmanaged<IntPtr, int, IntPtr, void> callback);

    /// <summary>Fills an array of domain pointers; each is freed with virDomainFree, the array with free().</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virConnectListAllDomains(ConnectionHandle conn, out IntPtr domains, uint flags);

    /// <summary>dom is a raw pointer because NULL (all domains) is the common case.</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virConnectDomainEventRegisterAny(
        ConnectionHandle conn,
        IntPtr dom,
        int eventId,
        delegate* unmanaged<IntPtr, IntPtr, int, int, IntPtr, int> callback,
        IntPtr opaque,
        delegate* unmanaged<IntPtr, void> freeCallback);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virConnectDomainEventDeregisterAny(ConnectionHandle conn, int callbackId);
}
