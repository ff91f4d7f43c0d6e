using System.Text.Json.Nodes;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Registry;

/// <summary>Sets a condition (pods: with lastProbeTime) in a status's conditions list, moving lastTransitionTime only when the status changes.</summary>
internal static class StatusConditions
{
    public static void Set(JsonObject status, string type, string value, string? reason, string? message, DateTimeOffset now, bool withProbeTime = false)
    {
        if (status["conditions"] is not JsonArray conditions)
        {
            conditions = [];
            status["conditions"] = conditions;
        }

        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type);
        var changed = existing?["status"]?.GetValue<string>() != value;
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = value,
            ["lastTransitionTime"] = changed || existing?["lastTransitionTime"] is null ? ObjectMetadata.Timestamp(now) : existing["lastTransitionTime"]!.DeepClone(),
        };
        if (withProbeTime)
        {
            condition["lastProbeTime"] = null;
        }

        if (reason is not null)
        {
            condition["reason"] = reason;
        }

        if (message is not null)
        {
            condition["message"] = message;
        }

        if (existing is null)
        {
            conditions.Add(condition);
        }
        else
        {
            conditions[conditions.IndexOf(existing)] = condition;
        }
    }
}
