using System.Text.Json.Nodes;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.Registry;

/// <summary>The autoscaling/v1 Scale view of a custom resource with a scale subresource, and its write-back.</summary>
internal static class ScaleView
{
    public static JsonObject ToScale(ApiResource resource, JsonObject obj)
    {
        var scale = resource.Scale ?? throw ApiException.NotFoundPath();
        var metadata = obj["metadata"]!.AsObject();
        var scaleMetadata = new JsonObject();
        foreach (var field in (string[])["name", "namespace", "uid", "resourceVersion", "creationTimestamp"])
        {
            if (metadata[field] is { } value)
            {
                scaleMetadata[field] = value.DeepClone();
            }
        }

        var status = new JsonObject { ["replicas"] = Read(obj, scale.StatusReplicasPath)?.DeepClone() ?? 0L };
        if (scale.LabelSelectorPath is { } selectorPath && Read(obj, selectorPath) is { } selector)
        {
            status["selector"] = selector.DeepClone();
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMetadata,
            ["spec"] = new JsonObject { ["replicas"] = Read(obj, scale.SpecReplicasPath)?.DeepClone() ?? 0L },
            ["status"] = status,
        };
    }

    /// <summary>The object with the Scale's spec.replicas written to its replicas path; the Scale's resourceVersion guards the write.</summary>
    public static JsonObject Apply(ApiResource resource, JsonObject obj, JsonObject scale)
    {
        var paths = resource.Scale ?? throw ApiException.NotFoundPath();
        var replicas = scale["spec"]?["replicas"];
        if (replicas is not JsonValue value || !value.TryGetValue<long>(out var count) || count < 0)
        {
            throw new ApiException(422, "Invalid", $"Scale.autoscaling \"{obj["metadata"]?["name"]}\" is invalid: spec.replicas: Invalid value: {replicas?.ToJsonString() ?? "null"}: must be greater than or equal to 0");
        }

        var updated = obj.DeepClone().AsObject();
        Write(updated, paths.SpecReplicasPath, count);
        var metadata = updated["metadata"]!.AsObject();
        metadata.Remove("resourceVersion");
        if (scale["metadata"]?["resourceVersion"]?.GetValue<string>() is { Length: > 0 } resourceVersion)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return updated;
    }

    private static JsonNode? Read(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.TrimStart('.').Split('.'))
        {
            node = node is JsonObject map ? map[part] : null;
        }

        return node;
    }

    private static void Write(JsonObject obj, string path, long value)
    {
        var parts = path.TrimStart('.').Split('.');
        var node = obj;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = new JsonObject();
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }
}
