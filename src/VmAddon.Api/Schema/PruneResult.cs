using System.Text.Json.Nodes;

namespace VmAddon.Api.Schema;

/// <summary>A copy of an object without the fields its schema does not know, and the paths of what was removed.</summary>
public sealed record PruneResult(JsonNode? Pruned, IReadOnlyList<string> PrunedPaths);
