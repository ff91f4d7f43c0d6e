using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Storage;

/// <summary>The outcome of a delete: the object as last stored, and whether it is gone or only marked because finalizers remain.</summary>
public sealed record DeleteResult(JsonObject Object, bool Removed);
