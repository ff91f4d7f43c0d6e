using System.Text.Json.Nodes;

namespace VmAddon.Core.Lifecycle;

/// <summary>Builds a JSON patch document (RFC 6902) operation by operation.</summary>
internal sealed class JsonPatchBuilder
{
    private readonly JsonArray _operations = [];

    /// <summary>Starts with a test of the object's resourceVersion: the patch applies only to the object as it was read.</summary>
    public static JsonPatchBuilder From(string? resourceVersion)
    {
        var builder = new JsonPatchBuilder();
        return resourceVersion is null ? builder : builder.Test("/metadata/resourceVersion", JsonValue.Create(resourceVersion));
    }

    public JsonPatchBuilder Test(string path, JsonNode? value) => Operation("test", path, value);

    public JsonPatchBuilder Add(string path, JsonNode? value) => Operation("add", path, value);

    public JsonPatchBuilder Replace(string path, JsonNode? value) => Operation("replace", path, value);

    public JsonPatchBuilder Remove(string path)
    {
        _operations.Add(new JsonObject { ["op"] = "remove", ["path"] = path });
        return this;
    }

    /// <summary>A JSON pointer segment: '~' and '/' escaped (RFC 6901), as an annotation key such as vmaddon.io/pause-requested needs.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public string Build() => _operations.ToJsonString();

    private JsonPatchBuilder Operation(string op, string path, JsonNode? value)
    {
        _operations.Add(new JsonObject { ["op"] = op, ["path"] = path, ["value"] = value?.DeepClone() });
        return this;
    }
}
