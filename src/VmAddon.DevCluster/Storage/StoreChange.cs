using System.Text.Json.Nodes;
using VmAddon.DevCluster.Watch;

namespace VmAddon.DevCluster.Storage;

/// <summary>One committed write; Previous lets watchers see selector transitions and lets lists rewind to an older resourceVersion.</summary>
internal sealed record StoreChange(WatchEventType Type, ObjectKey Key, JsonObject Object, JsonObject? Previous, long ResourceVersion);
