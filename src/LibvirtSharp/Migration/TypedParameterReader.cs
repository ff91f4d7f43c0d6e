using System.Runtime.InteropServices;
using System.Text;
using LibvirtSharp.Interop;

namespace LibvirtSharp;

/// <summary>Copies a libvirt-owned typed parameter array into a dictionary; the caller still frees the array.</summary>
internal static unsafe class TypedParameterReader
{
    private const int IntType = 1;
    private const int UIntType = 2;
    private const int LongType = 3;
    private const int ULongType = 4;
    private const int DoubleType = 5;
    private const int BooleanType = 6;
    private const int StringType = 7;

    internal static Dictionary<string, object> Read(IntPtr parameters, int count)
    {
        var fields = new Dictionary<string, object>(count, StringComparer.Ordinal);
        var items = (NativeTypedParameter*)parameters;
        for (var i = 0; i < count; i++)
        {
            var item = &items[i];
            var nameBytes = new ReadOnlySpan<byte>(item->Field, NativeTypedParameter.FieldLength);
            var end = nameBytes.IndexOf((byte)0);
            var name = Encoding.UTF8.GetString(end < 0 ? nameBytes : nameBytes[..end]);
            object? value = item->Type switch
            {
                IntType => item->IntValue,
                UIntType => item->UIntValue,
                LongType => item->LongValue,
                ULongType => item->ULongValue,
                DoubleType => item->DoubleValue,
                BooleanType => item->BooleanValue != 0,
                StringType => Marshal.PtrToStringUTF8(item->StringValue),
                _ => null,
            };
            if (value is not null)
            {
                fields[name] = value;
            }
        }

        return fields;
    }
}
