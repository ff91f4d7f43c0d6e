using System.Text;

namespace VmAddon.DevCluster.Tests.Protobuf;

/// <summary>Writes protobuf wire format by hand, to build bodies kubectl's generators never send.</summary>
internal sealed class ProtoWriter
{
    private readonly List<byte> _bytes = [];

    /// <summary>A complete request body: "k8s\0" and a runtime.Unknown holding the object.</summary>
    public static byte[] Envelope(string apiVersion, string kind, ProtoWriter raw) => Envelope(apiVersion, kind, raw.ToArray());

    public static byte[] Envelope(string apiVersion, string kind, byte[] raw)
    {
        var unknown = new ProtoWriter()
            .Message(1, m => m.String(1, apiVersion).String(2, kind))
            .Bytes(2, raw)
            .String(3, string.Empty)
            .String(4, string.Empty);
        return [.. "k8s\0"u8.ToArray(), .. unknown.ToArray()];
    }

    public ProtoWriter Varint(int field, long value)
    {
        Key(field, 0);
        WriteVarint(unchecked((ulong)value));
        return this;
    }

    public ProtoWriter Bool(int field, bool value) => Varint(field, value ? 1 : 0);

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Bytes(int field, byte[] value)
    {
        Key(field, 2);
        WriteVarint((ulong)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    public ProtoWriter Message(int field, Action<ProtoWriter> build)
    {
        var nested = new ProtoWriter();
        build(nested);
        return Bytes(field, nested.ToArray());
    }

    public ProtoWriter MapEntry(int field, string key, string value) => Message(field, e => e.String(1, key).String(2, value));

    public ProtoWriter Packed(int field, params long[] values)
    {
        var packed = new ProtoWriter();
        foreach (var value in values)
        {
            packed.WriteVarint(unchecked((ulong)value));
        }

        return Bytes(field, packed.ToArray());
    }

    public ProtoWriter Fixed32(int field, uint value)
    {
        Key(field, 5);
        _bytes.AddRange(BitConverter.GetBytes(value));
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    private void Key(int field, int wireType) => WriteVarint(((ulong)field << 3) | (uint)wireType);

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.Add((byte)value);
    }
}
