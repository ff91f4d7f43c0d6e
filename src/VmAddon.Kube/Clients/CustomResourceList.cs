namespace VmAddon.Kube.Clients;

/// <summary>One page of a list: the items and the resourceVersion to watch from.</summary>
public sealed record CustomResourceList<T>(IReadOnlyList<T> Items, string? ResourceVersion, string? Continue);
