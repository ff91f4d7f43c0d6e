namespace VmAddon.DevCluster.Protobuf;

/// <summary>Reads protobuf wire-format keys and values from a buffer, refusing truncated or malformed input.</summary>
internal ref struct WireReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public WireReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool End => _position >= _data.Length;

    public (int Number, WireType Type) ReadKey()
    {
        var key = ReadVarint();
        var number = key >> 3;
        var type = (WireType)(key & 7);
        if (number is 0 or > 536_870_911)
        {
            throw new InvalidProtobufBodyException($"field number {number} is out of range");
        }

        if (type is > WireType.Fixed32)
        {
            throw new InvalidProtobufBodyException($"wire type {(int)type} of field {number} is not a protobuf wire type");
        }

        return ((int)number, type);
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new InvalidProtobufBodyException("the body ends inside a varint");
            }

            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new InvalidProtobufBodyException("a varint is longer than ten bytes");
    }

    public ReadOnlySpan<byte> ReadLengthDelimited() => _data[ReadLengthDelimitedRange()];

    /// <summary>Reads a length prefix and returns where its bytes lie in the buffer, so that repeated occurrences can be merged later.</summary>
    public Range ReadLengthDelimitedRange()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new InvalidProtobufBodyException($"a length-delimited field of {length} bytes runs past the end of its message");
        }

        var start = _position;
        _position += (int)length;
        return start.._position;
    }

    public ulong ReadFixed64()
    {
        Need(8);
        var value = BitConverter.ToUInt64(_data.Slice(_position, 8));
        _position += 8;
        return BitConverter.IsLittleEndian ? value : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value);
    }

    public uint ReadFixed32()
    {
        Need(4);
        var value = BitConverter.ToUInt32(_data.Slice(_position, 4));
        _position += 4;
        return BitConverter.IsLittleEndian ? value : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value);
    }

    public void Skip(WireType type)
    {
        switch (type)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                ReadFixed64();
                break;
            case WireType.LengthDelimited:
                ReadLengthDelimitedRange();
                break;
            case WireType.Fixed32:
                ReadFixed32();
                break;
            default:
                throw new InvalidProtobufBodyException("protobuf groups do not occur in Kubernetes objects");
        }
    }

    private readonly void Need(int count)
    {
        if (_data.Length - _position < count)
        {
            throw new InvalidProtobufBodyException("the body ends inside a fixed-width value");
        }
    }
}
