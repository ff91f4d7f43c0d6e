namespace VmAddon.DevCluster.Storage;

/// <summary>The query of a list: namespace (null for all), selectors in Kubernetes syntax, and paging.</summary>
public sealed record ListOptions(
    string? Namespace = null,
    string? LabelSelector = null,
    string? FieldSelector = null,
    int? Limit = null,
    string? Continue = null);
