namespace VmAddon.DevCluster.Protobuf;

/// <summary>One field of a protobuf message: its number, its JSON name, what it holds and when JSON shows it.</summary>
internal sealed record FieldSchema
{
    public FieldSchema(int number, string jsonName, FieldKind kind, FieldShape shape, FieldPresence presence, MessageSchema? message = null)
    {
        if (kind == FieldKind.Message && message is null)
        {
            // A schema referenced before its static field was initialised arrives here as null.
            throw new ArgumentNullException(nameof(message), $"field {number} ({jsonName}) names a message schema that is not initialised yet");
        }

        if (shape == FieldShape.Inline && kind != FieldKind.Message)
        {
            throw new ArgumentException($"field {number} is inline but holds no message", nameof(shape));
        }

        if (shape == FieldShape.Single && presence == FieldPresence.OmitEmpty && kind is FieldKind.Message or FieldKind.Time or FieldKind.Quantity or FieldKind.IntOrString)
        {
            throw new ArgumentException($"field {number} ({jsonName}) is a Go struct value, which encoding/json never omits", nameof(presence));
        }

        Number = number;
        JsonName = jsonName;
        Kind = kind;
        Shape = shape;
        Presence = presence;
        Message = message;
    }

    public int Number { get; }

    public string JsonName { get; }

    public FieldKind Kind { get; }

    public FieldShape Shape { get; }

    public FieldPresence Presence { get; }

    public MessageSchema? Message { get; }

    public bool IsVarint => Kind is FieldKind.Int32 or FieldKind.Int64 or FieldKind.Bool;
}
