namespace VmAddon.DevCluster.Protobuf;

/// <summary>How a field's values are arranged.</summary>
internal enum FieldShape
{
    /// <summary>One value; the last occurrence wins, and occurrences of a message are merged.</summary>
    Single,

    /// <summary>A JSON array; scalar kinds may arrive packed or one per key.</summary>
    Repeated,

    /// <summary>A JSON object built from repeated entry messages, key = 1 and value = 2.</summary>
    Map,

    /// <summary>A Go embedded struct: protobuf nests it as a message, JSON flattens its fields into the parent object.</summary>
    Inline,

    /// <summary>A field the dev API server does not keep (metadata.managedFields); it is read past whatever it holds.</summary>
    Ignored,
}
