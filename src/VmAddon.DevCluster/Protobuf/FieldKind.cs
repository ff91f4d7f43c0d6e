namespace VmAddon.DevCluster.Protobuf;

/// <summary>What one protobuf value is, and so how it is read and how it appears in JSON.</summary>
internal enum FieldKind
{
    /// <summary>A length-delimited UTF-8 string.</summary>
    String,

    /// <summary>Length-delimited bytes, written to JSON in base64 as Go's encoding/json does for []byte.</summary>
    Bytes,

    /// <summary>A varint holding a Go int32 (negative values are sign-extended to ten bytes).</summary>
    Int32,

    /// <summary>A varint holding a Go int64.</summary>
    Int64,

    /// <summary>A varint holding a Go bool.</summary>
    Bool,

    /// <summary>meta/v1 Time, a {seconds, nanos} message written as an RFC 3339 string, or null when it is the zero time.</summary>
    Time,

    /// <summary>resource.Quantity, a message with one string field, written as that string.</summary>
    Quantity,

    /// <summary>intstr.IntOrString, a {type, intVal, strVal} message written as a JSON number or string.</summary>
    IntOrString,

    /// <summary>A nested message described by its own schema.</summary>
    Message,
}
