using System.Text.Json.Nodes;

namespace VmAddon.Patching;

/// <summary>Kubernetes' strategic merge patch (kubectl patch --type strategic, and kubectl apply for built-in types).</summary>
public static class StrategicMergePatch
{
    /// <summary>Returns <paramref name="patch"/> merged into a copy of <paramref name="original"/>; the original is never changed.</summary>
    public static JsonObject Apply(JsonNode original, JsonNode patch, IStrategicSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (original is not JsonObject originalMap || patch is not JsonObject patchMap)
        {
            throw new PatchException("strategic merge patch applies only to JSON objects");
        }

        return new StrategicMerger(schema).MergeMap((JsonObject)originalMap.DeepClone(), patchMap, string.Empty);
    }
}
