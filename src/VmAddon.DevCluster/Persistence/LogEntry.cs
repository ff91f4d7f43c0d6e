using System.Text.Json.Nodes;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Persistence;

/// <summary>One line of the write log: the object as stored, or its removal, at a resourceVersion.</summary>
internal sealed record LogEntry(ObjectKey Key, long ResourceVersion, JsonObject? Object)
{
    public string ToLine() => new JsonObject
    {
        ["rv"] = ResourceVersion,
        ["group"] = Key.Group,
        ["resource"] = Key.Resource,
        ["namespace"] = Key.Namespace,
        ["name"] = Key.Name,
        ["object"] = Object?.DeepClone(),
    }.ToJsonString();

    public static LogEntry FromJson(JsonObject json) => new(
        new ObjectKey((string)json["group"]!, (string)json["resource"]!, (string)json["namespace"]!, (string)json["name"]!),
        (long)json["rv"]!,
        json["object"]?.DeepClone().AsObject());
}
