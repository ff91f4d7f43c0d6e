using System.Text.Json.Nodes;

namespace VmAddon.Patching;

/// <summary>RFC 7386 JSON merge patch (kubectl patch --type merge, and kubectl apply for custom resources).</summary>
public static class JsonMergePatch
{
    /// <summary>Returns <paramref name="patch"/> merged into a copy of <paramref name="target"/>: null deletes, objects merge, anything else replaces.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }

    /// <summary>The merge patch that turns <paramref name="original"/> into <paramref name="modified"/>.</summary>
    public static JsonNode? Create(JsonNode? original, JsonNode? modified)
    {
        if (original is not JsonObject originalObject || modified is not JsonObject modifiedObject)
        {
            // A whole non-object value is replaced; an unchanged one needs an empty patch.
            return JsonNode.DeepEquals(original, modified) ? new JsonObject() : modified?.DeepClone();
        }

        var patch = new JsonObject();
        foreach (var (name, _) in originalObject)
        {
            if (!modifiedObject.ContainsKey(name))
            {
                patch[name] = null;
            }
        }

        foreach (var (name, value) in modifiedObject)
        {
            if (!originalObject.TryGetPropertyValue(name, out var old))
            {
                patch[name] = value?.DeepClone();
            }
            else if (!JsonNode.DeepEquals(old, value))
            {
                // Setting a field to null can only be said by deleting it, which is what null means here.
                patch[name] = old is JsonObject && value is JsonObject ? Create(old, value) : value?.DeepClone();
            }
        }

        return patch;
    }
}
