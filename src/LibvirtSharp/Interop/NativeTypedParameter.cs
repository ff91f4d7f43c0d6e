using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>libvirt's <c>virTypedParameter</c>: an 80-byte name, a type tag, and an 8-byte union.</summary>
[StructLayout(LayoutKind.Explicit, Size = 96)]
internal unsafe struct NativeTypedParameter
{
    internal const int FieldLength = 80;

    [FieldOffset(0)]
    public fixed byte Field[FieldLength];

    [FieldOffset(80)]
    public int Type;

    [FieldOffset(88)]
    public int IntValue;

    [FieldOffset(88)]
    public uint UIntValue;

    [FieldOffset(88)]
    public long LongValue;

    [FieldOffset(88)]
    public ulong ULongValue;

    [FieldOffset(88)]
    public double DoubleValue;

    [FieldOffset(88)]
    public byte BooleanValue;

    [FieldOffset(88)]
    public IntPtr StringValue;
}
