using System.Text.Json.Nodes;
using System.Threading.Channels;
using VmAddon.DevCluster.Storage;
using VmAddon.DevCluster.Watch;

namespace VmAddon.DevCluster.Tests;

/// <summary>Resource types, objects and stores the tests share.</summary>
internal static class Objects
{
    public static readonly ResourceType VirtualMachines = new("vmaddon.io", "v1alpha1", "virtualmachines", "VirtualMachine", Namespaced: true);

    public static readonly ResourceType Namespaces = new("", "v1", "namespaces", "Namespace", Namespaced: false);

    public static readonly ResourceType ConfigMaps = new("", "v1", "configmaps", "ConfigMap", Namespaced: true);

    public static readonly ResourceType Pods = new("", "v1", "pods", "Pod", Namespaced: true)
    {
        SelectableFields = new HashSet<string>(StringComparer.Ordinal) { "spec.nodeName", "status.phase" },
    };

    public static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    public static ObjectStore Store(ObjectStoreOptions? options = null, TimeProvider? clock = null) =>
        new(options ?? new ObjectStoreOptions(), clock ?? new FixedClock(Start), (ns, _) => ValueTask.FromResult(ns is "default" or "other"));

    public static JsonObject Vm(string name, string ns = "default", string? labels = null, string runStrategy = "Always") => new()
    {
        ["apiVersion"] = "vmaddon.io/v1alpha1",
        ["kind"] = "VirtualMachine",
        ["metadata"] = Metadata(name, ns, labels),
        ["spec"] = new JsonObject { ["runStrategy"] = runStrategy },
    };

    public static JsonObject Pod(string name, string node, string phase, string ns = "default") => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = Metadata(name, ns, null),
        ["spec"] = new JsonObject { ["nodeName"] = node },
        ["status"] = new JsonObject { ["phase"] = phase },
    };

    public static JsonObject Metadata(string name, string ns, string? labels)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns };
        if (labels is not null)
        {
            var map = new JsonObject();
            foreach (var pair in labels.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=');
                map[parts[0]] = parts[1];
            }

            metadata["labels"] = map;
        }

        return metadata;
    }

    public static string Name(JsonObject obj) => (string)obj["metadata"]!["name"]!;

    public static string Rv(JsonObject obj) => (string)obj["metadata"]!["resourceVersion"]!;

    public static long Generation(JsonObject obj) => (long)obj["metadata"]!["generation"]!;

    public static JsonObject With(JsonObject obj, Action<JsonObject> change)
    {
        var copy = obj.DeepClone().AsObject();
        change(copy);
        return copy;
    }

    /// <summary>Reads the next event, failing after a generous deadline instead of hanging.</summary>
    public static async Task<WatchEvent> NextAsync(this ChannelReader<WatchEvent> reader)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadAsync(deadline.Token);
    }

    /// <summary>Events already queued: the store delivers under its lock, so after a write returns its events are there.</summary>
    public static List<(WatchEventType Type, string Name)> Drain(this ChannelReader<WatchEvent> reader)
    {
        var events = new List<(WatchEventType, string)>();
        while (reader.TryRead(out var e))
        {
            events.Add((e.Type, e.Type is WatchEventType.Bookmark or WatchEventType.Error ? "" : Name(e.Object)));
        }

        return events;
    }
}
