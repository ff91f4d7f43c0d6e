namespace VmAddon.DevCluster.Protobuf;

/// <summary>The protobuf wire types, the low three bits of every field key.</summary>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}
