namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>
/// Short constructors for the schema tables. The suffix names the Go field: none for a value tagged omitempty,
/// Always for a value without omitempty, Ptr for a pointer tagged omitempty.
/// </summary>
internal static class Fields
{
    public static FieldSchema Str(int number, string name) => Scalar(number, name, FieldKind.String, FieldPresence.OmitEmpty);

    public static FieldSchema StrAlways(int number, string name) => Scalar(number, name, FieldKind.String, FieldPresence.Always);

    public static FieldSchema StrPtr(int number, string name) => Scalar(number, name, FieldKind.String, FieldPresence.Pointer);

    /// <summary>A *string tagged without omitempty, which Go writes as null when unset.</summary>
    public static FieldSchema StrNullable(int number, string name) => Scalar(number, name, FieldKind.String, FieldPresence.Nullable);

    public static FieldSchema Int32(int number, string name) => Scalar(number, name, FieldKind.Int32, FieldPresence.OmitEmpty);

    public static FieldSchema Int32Always(int number, string name) => Scalar(number, name, FieldKind.Int32, FieldPresence.Always);

    public static FieldSchema Int32Ptr(int number, string name) => Scalar(number, name, FieldKind.Int32, FieldPresence.Pointer);

    public static FieldSchema Int64(int number, string name) => Scalar(number, name, FieldKind.Int64, FieldPresence.OmitEmpty);

    public static FieldSchema Int64Always(int number, string name) => Scalar(number, name, FieldKind.Int64, FieldPresence.Always);

    public static FieldSchema Int64Ptr(int number, string name) => Scalar(number, name, FieldKind.Int64, FieldPresence.Pointer);

    public static FieldSchema Bool(int number, string name) => Scalar(number, name, FieldKind.Bool, FieldPresence.OmitEmpty);

    public static FieldSchema BoolPtr(int number, string name) => Scalar(number, name, FieldKind.Bool, FieldPresence.Pointer);

    /// <summary>A metav1.Time value: always written, null when zero.</summary>
    public static FieldSchema Time(int number, string name) => Scalar(number, name, FieldKind.Time, FieldPresence.Always);

    public static FieldSchema TimePtr(int number, string name) => Scalar(number, name, FieldKind.Time, FieldPresence.Pointer);

    /// <summary>A resource.Quantity value: always written, "0" when unset.</summary>
    public static FieldSchema Quantity(int number, string name) => Scalar(number, name, FieldKind.Quantity, FieldPresence.Always);

    public static FieldSchema QuantityPtr(int number, string name) => Scalar(number, name, FieldKind.Quantity, FieldPresence.Pointer);

    /// <summary>An intstr.IntOrString value: always written, 0 when unset.</summary>
    public static FieldSchema IntOrString(int number, string name) => Scalar(number, name, FieldKind.IntOrString, FieldPresence.Always);

    public static FieldSchema IntOrStringPtr(int number, string name) => Scalar(number, name, FieldKind.IntOrString, FieldPresence.Pointer);

    /// <summary>A struct value: Go's encoding/json writes it even when empty and even when tagged omitempty.</summary>
    public static FieldSchema Struct(int number, string name, MessageSchema message) =>
        new(number, name, FieldKind.Message, FieldShape.Single, FieldPresence.Always, message);

    public static FieldSchema Ptr(int number, string name, MessageSchema message) =>
        new(number, name, FieldKind.Message, FieldShape.Single, FieldPresence.Pointer, message);

    /// <summary>A Go embedded struct whose fields JSON flattens into the parent.</summary>
    public static FieldSchema Inline(int number, MessageSchema message) =>
        new(number, message.Name, FieldKind.Message, FieldShape.Inline, FieldPresence.Always, message);

    public static FieldSchema List(int number, string name, MessageSchema message) =>
        new(number, name, FieldKind.Message, FieldShape.Repeated, FieldPresence.OmitEmpty, message);

    /// <summary>A slice without omitempty: null when empty, as Go writes a nil slice.</summary>
    public static FieldSchema ListAlways(int number, string name, MessageSchema message) =>
        new(number, name, FieldKind.Message, FieldShape.Repeated, FieldPresence.Always, message);

    public static FieldSchema Strings(int number, string name) => new(number, name, FieldKind.String, FieldShape.Repeated, FieldPresence.OmitEmpty);

    public static FieldSchema StringsAlways(int number, string name) => new(number, name, FieldKind.String, FieldShape.Repeated, FieldPresence.Always);

    public static FieldSchema Int64s(int number, string name) => new(number, name, FieldKind.Int64, FieldShape.Repeated, FieldPresence.OmitEmpty);

    public static FieldSchema StringMap(int number, string name) => new(number, name, FieldKind.String, FieldShape.Map, FieldPresence.OmitEmpty);

    public static FieldSchema BytesMap(int number, string name) => new(number, name, FieldKind.Bytes, FieldShape.Map, FieldPresence.OmitEmpty);

    public static FieldSchema QuantityMap(int number, string name) => new(number, name, FieldKind.Quantity, FieldShape.Map, FieldPresence.OmitEmpty);

    public static FieldSchema TimeMap(int number, string name) => new(number, name, FieldKind.Time, FieldShape.Map, FieldPresence.OmitEmpty);

    public static FieldSchema Ignored(int number, string name) => new(number, name, FieldKind.Bytes, FieldShape.Ignored, FieldPresence.OmitEmpty);

    private static FieldSchema Scalar(int number, string name, FieldKind kind, FieldPresence presence) =>
        new(number, name, kind, FieldShape.Single, presence);
}
