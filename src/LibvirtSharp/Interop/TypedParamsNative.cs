using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>libvirt's typed parameter list functions, which grow and free lists libvirt can read.</summary>
internal static partial class TypedParamsNative
{
    [LibraryImport(LibvirtLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int virTypedParamsAddString(ref IntPtr parameters, ref int count, ref int capacity, string name, string value);

    [LibraryImport(LibvirtLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int virTypedParamsAddULLong(ref IntPtr parameters, ref int count, ref int capacity, string name, ulong value);

    [LibraryImport(LibvirtLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int virTypedParamsAddInt(ref IntPtr parameters, ref int count, ref int capacity, string name, int value);

    /// <summary>Frees the list and every string in it.</summary>
    [LibraryImport(LibvirtLibrary.Name)]
    internal static partial void virTypedParamsFree(IntPtr parameters, int count);
}
