using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Protobuf;

/// <summary>
/// Turns a protobuf message into the JSON that Go's encoding/json writes for the same object, driven by a
/// <see cref="MessageSchema"/>: pointer fields appear when set, value fields follow their omitempty tag, and
/// struct values are always written.
/// </summary>
internal sealed class MessageDecoder(string apiVersion, string kind)
{
    // time.Time{}.Unix(): the zero Go time, which metav1.Time writes as null.
    private const long GoZeroTimeSeconds = -62_135_596_800;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Decodes a top-level object, writing kind and apiVersion first as kube-apiserver's JSON does.</summary>
    public JsonObject DecodeObject(ReadOnlySpan<byte> raw, MessageSchema schema)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Collect(raw, schema, values, string.Empty);
        var result = new JsonObject
        {
            ["kind"] = kind,
            ["apiVersion"] = apiVersion,
        };
        Write(result, schema, values, string.Empty);
        return result;
    }

    private JsonObject DecodeMessage(ReadOnlySpan<byte> data, MessageSchema schema, string path)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Collect(data, schema, values, path);
        var result = new JsonObject();
        Write(result, schema, values, path);
        return result;
    }

    private void Collect(ReadOnlySpan<byte> data, MessageSchema schema, Dictionary<string, JsonNode?> values, string path)
    {
        var reader = new WireReader(data);
        List<(FieldSchema Field, Range Range)>? messages = null;
        while (!reader.End)
        {
            var (number, wire) = reader.ReadKey();
            if (!schema.TryGetField(number, out var field))
            {
                SkipUnknown(ref reader, wire, number, schema, path);
                continue;
            }

            switch (field.Shape)
            {
                case FieldShape.Ignored:
                    reader.Skip(wire);
                    break;
                case FieldShape.Single or FieldShape.Inline when field.Kind == FieldKind.Message:
                    Expect(wire, WireType.LengthDelimited, field, path);
                    (messages ??= []).Add((field, reader.ReadLengthDelimitedRange()));
                    break;
                case FieldShape.Single:
                    values[field.JsonName] = ReadValue(ref reader, wire, field, field.Kind, Join(path, field.JsonName));
                    break;
                case FieldShape.Repeated:
                    ReadRepeated(ref reader, wire, field, GetOrAdd(values, field.JsonName, static () => new JsonArray()), path);
                    break;
                case FieldShape.Map:
                    Expect(wire, WireType.LengthDelimited, field, path);
                    var (key, value) = ReadMapEntry(reader.ReadLengthDelimited(), field, Join(path, field.JsonName));
                    GetOrAdd(values, field.JsonName, static () => new JsonObject())[key] = value;
                    break;
                default:
                    throw new InvalidOperationException($"{schema.Name} field {number} has no decoding rule");
            }
        }

        if (messages is not null)
        {
            CollectMessages(data, messages, values, path);
        }
    }

    // A singular message may occur more than once; protobuf merges the occurrences, which is the same as
    // decoding their concatenated bytes.
    private void CollectMessages(ReadOnlySpan<byte> data, List<(FieldSchema Field, Range Range)> messages, Dictionary<string, JsonNode?> values, string path)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            var field = messages[i].Field;
            if (messages.FindIndex(m => m.Field == field) != i)
            {
                continue;
            }

            var ranges = messages.Where(m => m.Field == field).Select(m => m.Range).ToList();
            var bytes = ranges.Count == 1 ? data[ranges[0]] : Concatenate(data, ranges);
            if (field.Shape == FieldShape.Inline)
            {
                Collect(bytes, field.Message!, values, path);
            }
            else
            {
                values[field.JsonName] = DecodeMessage(bytes, field.Message!, Join(path, field.JsonName));
            }
        }
    }

    private static byte[] Concatenate(ReadOnlySpan<byte> data, List<Range> ranges)
    {
        var buffer = new List<byte>();
        foreach (var range in ranges)
        {
            buffer.AddRange(data[range]);
        }

        return [.. buffer];
    }

    private void ReadRepeated(ref WireReader reader, WireType wire, FieldSchema field, JsonArray array, string path)
    {
        var elementPath = Join(path, field.JsonName);
        if (field.Kind == FieldKind.Message)
        {
            Expect(wire, WireType.LengthDelimited, field, path);
            array.Add(DecodeMessage(reader.ReadLengthDelimited(), field.Message!, $"{elementPath}[{array.Count}]"));
        }
        else if (field.IsVarint && wire == WireType.LengthDelimited)
        {
            var packed = new WireReader(reader.ReadLengthDelimited());
            while (!packed.End)
            {
                array.Add(ReadValue(ref packed, WireType.Varint, field, field.Kind, elementPath));
            }
        }
        else
        {
            array.Add(ReadValue(ref reader, wire, field, field.Kind, elementPath));
        }
    }

    private (string Key, JsonNode? Value) ReadMapEntry(ReadOnlySpan<byte> entry, FieldSchema field, string path)
    {
        var reader = new WireReader(entry);
        var key = string.Empty;
        JsonNode? value = null;
        var hasValue = false;
        while (!reader.End)
        {
            var (number, wire) = reader.ReadKey();
            switch (number)
            {
                case 1:
                    Expect(wire, WireType.LengthDelimited, field, path);
                    key = Utf8.GetString(reader.ReadLengthDelimited());
                    break;
                case 2:
                    value = ReadValue(ref reader, wire, field, field.Kind, path);
                    hasValue = true;
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return (key, hasValue ? value : ZeroValue(field.Kind));
    }

    private JsonNode? ReadValue(ref WireReader reader, WireType wire, FieldSchema field, FieldKind valueKind, string path)
    {
        switch (valueKind)
        {
            case FieldKind.Int32:
                Expect(wire, WireType.Varint, field, path);
                return JsonValue.Create(unchecked((int)reader.ReadVarint()));
            case FieldKind.Int64:
                Expect(wire, WireType.Varint, field, path);
                return JsonValue.Create(unchecked((long)reader.ReadVarint()));
            case FieldKind.Bool:
                Expect(wire, WireType.Varint, field, path);
                return JsonValue.Create(reader.ReadVarint() != 0);
            default:
                Expect(wire, WireType.LengthDelimited, field, path);
                var bytes = reader.ReadLengthDelimited();
                return valueKind switch
                {
                    FieldKind.String => JsonValue.Create(Utf8.GetString(bytes)),
                    FieldKind.Bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
                    FieldKind.Time => ReadTime(bytes, path),
                    FieldKind.Quantity => ReadQuantity(bytes),
                    FieldKind.IntOrString => ReadIntOrString(bytes),
                    _ => throw new InvalidOperationException($"{path} has kind {valueKind}, which is not a scalar"),
                };
        }
    }

    // metav1.Time.Unmarshal keeps whole seconds only, and MarshalJSON writes RFC 3339 in UTC.
    private static JsonNode? ReadTime(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }

        long seconds = 0;
        var reader = new WireReader(bytes);
        while (!reader.End)
        {
            var (number, wire) = reader.ReadKey();
            if (number == 1 && wire == WireType.Varint)
            {
                seconds = unchecked((long)reader.ReadVarint());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        if (seconds == GoZeroTimeSeconds)
        {
            return null;
        }

        try
        {
            return JsonValue.Create(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new InvalidProtobufBodyException($"{path} holds a time outside the years 1 to 9999");
        }
    }

    private static JsonNode? ReadQuantity(ReadOnlySpan<byte> bytes)
    {
        var text = string.Empty;
        var reader = new WireReader(bytes);
        while (!reader.End)
        {
            var (number, wire) = reader.ReadKey();
            if (number == 1 && wire == WireType.LengthDelimited)
            {
                text = Utf8.GetString(reader.ReadLengthDelimited());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return JsonValue.Create(text.Length == 0 ? "0" : text);
    }

    private static JsonNode? ReadIntOrString(ReadOnlySpan<byte> bytes)
    {
        long type = 0;
        var intValue = 0;
        var stringValue = string.Empty;
        var reader = new WireReader(bytes);
        while (!reader.End)
        {
            var (number, wire) = reader.ReadKey();
            switch (number, wire)
            {
                case (1, WireType.Varint):
                    type = unchecked((long)reader.ReadVarint());
                    break;
                case (2, WireType.Varint):
                    intValue = unchecked((int)reader.ReadVarint());
                    break;
                case (3, WireType.LengthDelimited):
                    stringValue = Utf8.GetString(reader.ReadLengthDelimited());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        // intstr.String is 1; IntOrString.MarshalJSON writes every other type as the int.
        return type == 1 ? JsonValue.Create(stringValue) : JsonValue.Create(intValue);
    }

    private void Write(JsonObject target, MessageSchema schema, Dictionary<string, JsonNode?> values, string path)
    {
        foreach (var field in schema.Fields)
        {
            if (field.Shape == FieldShape.Inline)
            {
                Write(target, field.Message!, values, path);
                continue;
            }

            if (field.Shape == FieldShape.Ignored)
            {
                continue;
            }

            var present = values.Remove(field.JsonName, out var node);
            switch (field.Presence)
            {
                case FieldPresence.OmitEmpty when present && !IsEmpty(node):
                case FieldPresence.Pointer when present:
                case FieldPresence.Nullable when present:
                case FieldPresence.Always when present:
                    target[field.JsonName] = node;
                    break;
                case FieldPresence.Always:
                    target[field.JsonName] = DefaultValue(field, path);
                    break;
                case FieldPresence.Nullable:
                    target[field.JsonName] = null;
                    break;
                default:
                    break;
            }
        }
    }

    private JsonNode? DefaultValue(FieldSchema field, string path) => field.Shape switch
    {
        FieldShape.Repeated or FieldShape.Map => null,
        _ when field.Kind == FieldKind.Message => DecodeMessage([], field.Message!, Join(path, field.JsonName)),
        _ => ZeroValue(field.Kind),
    };

    private static JsonNode? ZeroValue(FieldKind kind) => kind switch
    {
        FieldKind.String => JsonValue.Create(string.Empty),
        FieldKind.Bytes => JsonValue.Create(string.Empty),
        FieldKind.Int32 or FieldKind.Int64 or FieldKind.IntOrString => JsonValue.Create(0),
        FieldKind.Bool => JsonValue.Create(false),
        FieldKind.Quantity => JsonValue.Create("0"),
        _ => null,
    };

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject map => map.Count == 0,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>().Length == 0,
            JsonValueKind.Number => value.ToJsonString() == "0",
            JsonValueKind.False => true,
            _ => false,
        },
        _ => false,
    };

    // gogo-protobuf writes every non-pointer field, set or not, so a field this schema does not know about
    // usually arrives holding its zero value. Those are skipped; anything else would be silently lost, so it is refused.
    private void SkipUnknown(ref WireReader reader, WireType wire, int number, MessageSchema schema, string path)
    {
        var zero = wire switch
        {
            WireType.Varint => reader.ReadVarint() == 0,
            WireType.Fixed64 => reader.ReadFixed64() == 0,
            WireType.Fixed32 => reader.ReadFixed32() == 0,
            WireType.LengthDelimited => IsZeroMessage(reader.ReadLengthDelimited(), depth: 0),
            _ => throw new InvalidProtobufBodyException($"field {number} of {schema.Name} uses protobuf groups"),
        };
        if (!zero)
        {
            var where = path.Length == 0 ? $"field {number} of {schema.Name}" : $"field {number} of {schema.Name} at {path}";
            throw new UnsupportedProtobufBodyException(apiVersion, kind, where);
        }
    }

    // True when the bytes are empty or parse as a message whose every field is itself zero. A non-empty string
    // almost never parses that way, so real content is not mistaken for an empty struct.
    private static bool IsZeroMessage(ReadOnlySpan<byte> bytes, int depth)
    {
        if (bytes.IsEmpty)
        {
            return true;
        }

        if (depth > 32)
        {
            return false;
        }

        try
        {
            var reader = new WireReader(bytes);
            while (!reader.End)
            {
                var (_, wire) = reader.ReadKey();
                var zero = wire switch
                {
                    WireType.Varint => reader.ReadVarint() == 0,
                    WireType.Fixed64 => reader.ReadFixed64() == 0,
                    WireType.Fixed32 => reader.ReadFixed32() == 0,
                    WireType.LengthDelimited => IsZeroMessage(reader.ReadLengthDelimited(), depth + 1),
                    _ => false,
                };
                if (!zero)
                {
                    return false;
                }
            }

            return true;
        }
        catch (InvalidProtobufBodyException)
        {
            return false;
        }
    }

    private static void Expect(WireType actual, WireType expected, FieldSchema field, string path)
    {
        if (actual != expected)
        {
            throw new InvalidProtobufBodyException($"{Join(path, field.JsonName)} (field {field.Number}) arrived as wire type {actual}, not {expected}");
        }
    }

    private static T GetOrAdd<T>(Dictionary<string, JsonNode?> values, string name, Func<T> create)
        where T : JsonNode
    {
        if (values.TryGetValue(name, out var existing) && existing is T typed)
        {
            return typed;
        }

        var created = create();
        values[name] = created;
        return created;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
