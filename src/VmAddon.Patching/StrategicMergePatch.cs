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

    /// <summary>The two-way strategic merge patch that turns <paramref name="original"/> into <paramref name="modified"/>, with the directives kubectl would use.</summary>
    public static JsonObject Create(JsonObject original, JsonObject modified, IStrategicSchema schema)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(modified);
        ArgumentNullException.ThrowIfNull(schema);
        return new StrategicDiffer(schema, new DiffOptions(IgnoreDeletions: false, IgnoreChangesAndAdditions: false)).Diff(original, modified, string.Empty);
    }
}
