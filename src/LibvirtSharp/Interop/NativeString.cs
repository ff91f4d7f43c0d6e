using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>Copies C strings into .NET strings, freeing those libvirt hands over to us.</summary>
internal static class NativeString
{
    /// <summary>Copies and frees a string the caller owns (libvirt documents these as "free with free()").</summary>
    internal static string? TakeOwned(IntPtr value)
    {
        if (value == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(value);
        }
        finally
        {
            // NativeMemory.Free is the C runtime's free() on Unix, which is what libvirt allocated with.
            unsafe
            {
                NativeMemory.Free((void*)value);
            }
        }
    }

    /// <summary>Copies a string that libvirt keeps owning.</summary>
    internal static string? Borrow(IntPtr value) => value == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(value);
}
