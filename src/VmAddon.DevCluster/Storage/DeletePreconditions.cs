namespace VmAddon.DevCluster.Storage;

/// <summary>Conditions a delete must meet, as in a DeleteOptions' <c>preconditions</c>.</summary>
public sealed record DeletePreconditions(string? Uid = null, string? ResourceVersion = null);
