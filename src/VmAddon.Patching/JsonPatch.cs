using System.Text.Json.Nodes;

namespace VmAddon.Patching;

/// <summary>RFC 6902 JSON Patch (kubectl patch --type json), atomic: the input document is never changed.</summary>
public static class JsonPatch
{
    /// <summary>kube-apiserver's limit on operations in one JSON Patch.</summary>
    public const int MaxOperations = 10000;

    /// <summary>Returns the patched copy of <paramref name="document"/>; throws <see cref="PatchException"/> and leaves it untouched on failure.</summary>
    public static JsonNode? Apply(JsonNode? document, JsonArray operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count > MaxOperations)
        {
            throw new PatchException($"The allowed maximum operations in a JSON patch is {MaxOperations}, got {operations.Count}", PatchException.TooLarge);
        }

        var result = document?.DeepClone();
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op)
            {
                throw new PatchException("json: cannot unmarshal patch operation: not an object");
            }

            result = ApplyOne(result, op);
        }

        return result;
    }

    private static JsonNode? ApplyOne(JsonNode? document, JsonObject op)
    {
        var kind = op["op"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : string.Empty;
        return kind switch
        {
            "add" => Add(document, Path(op, kind, "path"), Value(op, kind)),
            "remove" => Remove(document, Path(op, kind, "path"), out _),
            "replace" => Replace(document, Path(op, kind, "path"), Value(op, kind)),
            "move" => Move(document, Path(op, kind, "from"), Path(op, kind, "path")),
            "copy" => Copy(document, Path(op, kind, "from"), Path(op, kind, "path")),
            "test" => Test(document, Path(op, kind, "path"), Value(op, kind)),
            _ => throw new PatchException($"Unexpected kind: {kind}"),
        };
    }

    private static JsonPointer Path(JsonObject op, string kind, string member) =>
        op[member] is JsonValue v && v.TryGetValue<string>(out var text)
            ? JsonPointer.Parse(text)
            : throw new PatchException($"jsonpatch {kind} operation does not apply: missing {member} field");

    private static JsonNode? Value(JsonObject op, string kind) =>
        op.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new PatchException($"jsonpatch {kind} operation does not apply: missing value field");

    private static JsonNode? Add(JsonNode? document, JsonPointer path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            return value;
        }

        if (!path.TryResolveParent(document, out var parent))
        {
            throw new PatchException($"jsonpatch add operation does not apply: doc is missing path: \"{path.Text}\": missing value");
        }

        if (parent is JsonObject obj)
        {
            obj[path.Last] = value;
            return document;
        }

        var array = (JsonArray)parent!;
        if (path.Last == "-")
        {
            array.Add(value);
        }
        else if (JsonPointer.TryIndex(path.Last, array.Count + 1, out var index))
        {
            array.Insert(index, value);
        }
        else
        {
            throw new PatchException($"Unable to access invalid index: {path.Last}: invalid index referenced");
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, JsonPointer path, out JsonNode? removed)
    {
        if (path.IsRoot)
        {
            removed = document;
            return null;
        }

        if (!path.TryResolveParent(document, out var parent))
        {
            throw new PatchException($"jsonpatch remove operation does not apply: doc is missing path: \"{path.Text}\": missing value");
        }

        if (parent is JsonObject obj)
        {
            if (!obj.Remove(path.Last, out removed))
            {
                throw new PatchException($"Unable to remove nonexistent key: {path.Last}: missing value");
            }

            return document;
        }

        var array = (JsonArray)parent!;
        if (!JsonPointer.TryIndex(path.Last, array.Count, out var index))
        {
            throw new PatchException($"Unable to access invalid index: {path.Last}: invalid index referenced");
        }

        removed = array[index];
        array.RemoveAt(index);
        return document;
    }

    private static JsonNode? Replace(JsonNode? document, JsonPointer path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            return value;
        }

        if (!path.TryResolveParent(document, out var parent))
        {
            throw new PatchException($"jsonpatch replace operation does not apply: doc is missing path: {path.Text}");
        }

        if (parent is JsonObject obj)
        {
            if (!obj.ContainsKey(path.Last))
            {
                throw new PatchException($"jsonpatch replace operation does not apply: doc is missing key: {path.Text}");
            }

            obj[path.Last] = value;
            return document;
        }

        var array = (JsonArray)parent!;
        if (!JsonPointer.TryIndex(path.Last, array.Count, out var index))
        {
            throw new PatchException($"jsonpatch replace operation does not apply: doc is missing key: {path.Text}");
        }

        array[index] = value;
        return document;
    }

    private static JsonNode? Move(JsonNode? document, JsonPointer from, JsonPointer path)
    {
        // A location cannot be moved into one of its own children (RFC 6902 §4.4).
        if (path.Text.StartsWith(from.Text + "/", StringComparison.Ordinal))
        {
            throw new PatchException($"jsonpatch move operation does not apply: from path {from.Text} is a prefix of path {path.Text}");
        }

        if (!from.TryResolve(document, out _))
        {
            throw new PatchException($"jsonpatch move operation does not apply: doc is missing from path: {from.Text}");
        }

        document = Remove(document, from, out var value);
        return Add(document, path, value);
    }

    private static JsonNode? Copy(JsonNode? document, JsonPointer from, JsonPointer path)
    {
        if (!from.TryResolve(document, out var value))
        {
            throw new PatchException($"jsonpatch copy operation does not apply: doc is missing from path: {from.Text}");
        }

        return Add(document, path, value?.DeepClone());
    }

    private static JsonNode? Test(JsonNode? document, JsonPointer path, JsonNode? expected)
    {
        if (!path.TryResolve(document, out var actual) || !JsonNode.DeepEquals(actual, expected))
        {
            throw new PatchException($"testing value {path.Text} failed");
        }

        return document;
    }
}
