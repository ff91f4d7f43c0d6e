namespace VmAddon.DevCluster.Protobuf;

/// <summary>
/// When a field appears in the JSON, following the Go field's type and json tag. Protobuf alone cannot tell:
/// gogo-protobuf writes every non-pointer field even when it holds the zero value.
/// </summary>
internal enum FieldPresence
{
    /// <summary>A value field tagged omitempty: absent when it holds the zero value or an empty list or map.</summary>
    OmitEmpty,

    /// <summary>A value field without omitempty, or a struct (Go never omits those): written even when absent from the wire.</summary>
    Always,

    /// <summary>A pointer field tagged omitempty: written, zero or not, exactly when it is on the wire.</summary>
    Pointer,

    /// <summary>A pointer field without omitempty: null when it is not on the wire.</summary>
    Nullable,
}
