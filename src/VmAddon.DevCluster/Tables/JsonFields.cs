using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tables;

/// <summary>Reads typed fields out of stored objects the way Go's decoder would fill a struct: missing or mistyped fields read as the zero value.</summary>
internal static class JsonFields
{
    public static JsonNode? At(JsonNode? node, params ReadOnlySpan<string> path)
    {
        foreach (var part in path)
        {
            node = node is JsonObject o ? o[part] : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    public static string String(JsonNode? node, params ReadOnlySpan<string> path) =>
        At(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";

    public static long Integer(JsonNode? node, params ReadOnlySpan<string> path) =>
        At(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static bool Boolean(JsonNode? node, params ReadOnlySpan<string> path) =>
        At(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>A <c>*bool</c> field: null when absent.</summary>
    public static bool? OptionalBoolean(JsonNode? node, params ReadOnlySpan<string> path) =>
        At(node, path) is JsonValue v ? v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        } : null;

    public static JsonObject? Object(JsonNode? node, params ReadOnlySpan<string> path) => At(node, path) as JsonObject;

    /// <summary>The elements of an array field; an absent field is an empty list.</summary>
    public static IReadOnlyList<JsonNode?> Array(JsonNode? node, params ReadOnlySpan<string> path) =>
        At(node, path) is JsonArray a ? [.. a] : [];

    /// <summary>The objects of an array field, skipping anything that is not an object.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node, params ReadOnlySpan<string> path) =>
        Array(node, path).OfType<JsonObject>();

    /// <summary>The number of entries of a map or list field.</summary>
    public static int Count(JsonNode? node, params ReadOnlySpan<string> path) => At(node, path) switch
    {
        JsonObject o => o.Count,
        JsonArray a => a.Count,
        _ => 0,
    };

    /// <summary>A string map such as labels or a selector, sorted by key as Go's <c>labels.Set.String</c> does.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> StringMap(JsonNode? node, params ReadOnlySpan<string> path) =>
        At(node, path) is JsonObject o
            ? [.. o.Select(p => KeyValuePair.Create(p.Key, p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : ""))
                .OrderBy(p => p.Key, StringComparer.Ordinal)]
            : [];

    /// <summary>A metav1.Time or MicroTime field; null when absent, empty or not RFC 3339 (Go would have refused such an object).</summary>
    public static DateTimeOffset? Time(JsonNode? node, params ReadOnlySpan<string> path) =>
        Rfc3339.TryParse(String(node, path), out var time) ? time : null;
}
