namespace VmAddon.DevCluster.Watch;

/// <summary>What a watch observes. ResourceVersion null, empty or "0" starts with ADDED events for the current state.</summary>
public sealed record WatchOptions(
    string? Namespace = null,
    string? LabelSelector = null,
    string? FieldSelector = null,
    string? ResourceVersion = null,
    bool AllowBookmarks = false);
