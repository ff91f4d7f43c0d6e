namespace VmAddon.DevCluster.Tests.Load;

/// <summary>What a list paged with limit and continue returned: the first page's resourceVersion, each page's, the items, and how long it took.</summary>
internal sealed record PagedList(long ResourceVersion, IReadOnlyList<long> PageVersions, IReadOnlyList<(ObjectRef Object, long ResourceVersion)> Items, TimeSpan Took);
