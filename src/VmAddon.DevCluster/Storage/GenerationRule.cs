using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Storage;

/// <summary>Decides whether an update moves metadata.generation: only a change of the desired state does.</summary>
internal static class GenerationRule
{
    public static bool DesiredStateChanged(JsonObject stored, JsonObject updated)
    {
        if (stored.ContainsKey("spec") || updated.ContainsKey("spec"))
        {
            return !JsonNode.DeepEquals(stored["spec"], updated["spec"]);
        }

        // Resources without spec (ConfigMaps, Secrets, custom types) carry their desired state in their other top-level fields.
        return !JsonNode.DeepEquals(DesiredState(stored), DesiredState(updated));
    }

    private static JsonObject DesiredState(JsonObject obj)
    {
        var rest = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is not ("metadata" or "status" or "apiVersion" or "kind"))
            {
                rest[key] = value?.DeepClone();
            }
        }

        return rest;
    }
}
