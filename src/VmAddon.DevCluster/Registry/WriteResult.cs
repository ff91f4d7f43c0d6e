using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Registry;

/// <summary>The stored object of a write, and the warnings to send with it (one Warning header each).</summary>
public sealed record WriteResult(JsonObject Object, IReadOnlyList<string> Warnings);
