using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Storage;

/// <summary>Reads and writes the metadata fields the store owns.</summary>
internal static class ObjectMetadata
{
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = [];
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string String(JsonObject obj, string field) =>
        obj["metadata"] is JsonObject m && m[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public static string Namespace(JsonObject obj) => String(obj, "namespace");

    public static bool HasFinalizers(JsonObject obj) =>
        obj["metadata"] is JsonObject m && m["finalizers"] is JsonArray { Count: > 0 };

    public static bool IsDeleting(JsonObject obj) => String(obj, "deletionTimestamp").Length > 0;

    public static long Generation(JsonObject obj) =>
        obj["metadata"] is JsonObject m && m["generation"] is JsonValue v
        && long.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var g) ? g : 0;

    public static void SetResourceVersion(JsonObject obj, long resourceVersion) =>
        Of(obj)["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
