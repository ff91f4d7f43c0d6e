using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>libvirt's domain functions.</summary>
internal static unsafe partial class DomainNative
{
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainFree(IntPtr dom);

    [LibraryImport(LibvirtLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DomainHandle virDomainLookupByName(ConnectionHandle conn, string name);

    [LibraryImport(LibvirtLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DomainHandle virDomainLookupByUUIDString(ConnectionHandle conn, string uuid);

    [LibraryImport(LibvirtLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DomainHandle virDomainDefineXMLFlags(ConnectionHandle conn, string xml, uint flags);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainUndefineFlags(DomainHandle dom, uint flags);

    /// <summary>Returns a string owned by the domain object: copy it, never free it.</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial IntPtr virDomainGetName(IntPtr dom);

    /// <summary>Writes VIR_UUID_STRING_BUFLEN (37) bytes.</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainGetUUIDString(IntPtr dom, byte* buffer);

    /// <summary>Returns the domain's connection without adding a reference.</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial IntPtr virDomainGetConnect(DomainHandle dom);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainCreateWithFlags(DomainHandle dom, uint flags);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainShutdownFlags(DomainHandle dom, uint flags);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainReboot(DomainHandle dom, uint flags);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainReset(DomainHandle dom, uint flags);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainDestroyFlags(DomainHandle dom, uint flags);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainSuspend(DomainHandle dom);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainResume(DomainHandle dom);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainGetState(DomainHandle dom, out int state, out int reason, uint flags);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainGetInfo(DomainHandle dom, out NativeDomainInfo info);

    /// <summary>Returns a string the caller frees with free().</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial IntPtr virDomainGetXMLDesc(DomainHandle dom, uint flags);

    /// <summary>Fills an array of interface pointers; each is freed with virDomainInterfaceFree, the array with free().</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainInterfaceAddresses(DomainHandle dom, out IntPtr interfaces, uint source, uint flags);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial void virDomainInterfaceFree(IntPtr iface);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainMemoryStats(DomainHandle dom, NativeMemoryStat* stats, uint count, uint flags);

    /// <summary>Allocates the typed parameters; the caller frees them with virTypedParamsFree.</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainGetJobStats(DomainHandle dom, out int type, out IntPtr parameters, out int count, uint flags);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial int virDomainAbortJob(DomainHandle dom);

    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial DomainHandle virDomainMigrate3(DomainHandle dom, ConnectionHandle destination, IntPtr parameters, uint count, uint flags);

    [LibraryImport(LibvirtLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int virDomainMigrateToURI3(DomainHandle dom, string destinationUri, IntPtr parameters, uint count, uint flags);

    [LibraryImport(LibvirtLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int virDomainOpenConsole(DomainHandle dom, string? deviceName, StreamHandle stream, uint flags);
}
