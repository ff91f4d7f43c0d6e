namespace VmAddon.DevCluster.Tables;

/// <summary>The list metadata a table of a list carries over: resourceVersion, continue and remainingItemCount.</summary>
public sealed record TableListMeta(string? ResourceVersion = null, string? Continue = null, long? RemainingItemCount = null);
