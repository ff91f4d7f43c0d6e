using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Storage;

/// <summary>One page of a list, with the resourceVersion it is consistent at and the token for the next page, if any.</summary>
public sealed record ObjectList(IReadOnlyList<JsonObject> Items, string ResourceVersion, string? Continue);
