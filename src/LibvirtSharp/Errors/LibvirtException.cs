using LibvirtSharp.Interop;

namespace LibvirtSharp;

/// <summary>A libvirt call failed; carries libvirt's error code, the part of libvirt that raised it, and its message.</summary>
public sealed class LibvirtException : Exception
{
    public LibvirtException()
        : this(LibvirtErrorCode.InternalError, LibvirtErrorDomain.None, "libvirt call failed")
    {
    }

    public LibvirtException(string message)
        : this(LibvirtErrorCode.InternalError, LibvirtErrorDomain.None, message)
    {
    }

    public LibvirtException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = LibvirtErrorCode.InternalError;
        Domain = LibvirtErrorDomain.None;
        LibvirtMessage = message;
    }

    public LibvirtException(LibvirtErrorCode code, LibvirtErrorDomain domain, string message)
        : base($"libvirt error {code} ({(int)code}) from {domain}: {message}")
    {
        Code = code;
        Domain = domain;
        LibvirtMessage = message;
    }

    /// <summary>libvirt's <c>virErrorNumber</c>.</summary>
    public LibvirtErrorCode Code { get; }

    /// <summary>libvirt's <c>virErrorDomain</c>: which driver or subsystem raised the error.</summary>
    public LibvirtErrorDomain Domain { get; }

    /// <summary>libvirt's own message, without our prefix.</summary>
    public string LibvirtMessage { get; }

    /// <summary>
    /// Reads libvirt's error for the call that just failed. libvirt keeps errors per thread, so this must run on
    /// the thread of the failing call, right after it, before any other libvirt call.
    /// </summary>
    internal static LibvirtException FromLastError(string operation)
    {
        var error = ErrorNative.virGetLastError();
        if (error == IntPtr.Zero)
        {
            return new LibvirtException(LibvirtErrorCode.InternalError, LibvirtErrorDomain.None, $"{operation} failed without a libvirt error");
        }

        var native = System.Runtime.InteropServices.Marshal.PtrToStructure<NativeError>(error);
        var message = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(native.Message) ?? $"{operation} failed";
        ErrorNative.virResetLastError();
        return new LibvirtException((LibvirtErrorCode)native.Code, (LibvirtErrorDomain)native.Domain, message);
    }
}
