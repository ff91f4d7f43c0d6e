using System.Text.Json.Nodes;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Persistence;

/// <summary>What a data directory held at start: the objects and the last resourceVersion.</summary>
internal sealed record StoreState(Dictionary<ObjectKey, JsonObject> Objects, long ResourceVersion);
