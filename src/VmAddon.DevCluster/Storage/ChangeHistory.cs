namespace VmAddon.DevCluster.Storage;

/// <summary>The retained window of recent changes, for watch replay and for lists at an older resourceVersion.</summary>
internal sealed class ChangeHistory(int limit, long compactedThrough)
{
    private readonly LinkedList<StoreChange> _changes = new();

    /// <summary>The newest resourceVersion whose change is no longer retained: one may replay or rewind from here on.</summary>
    public long CompactedThrough { get; private set; } = compactedThrough;

    public void Add(StoreChange change)
    {
        _changes.AddLast(change);
        while (_changes.Count > limit)
        {
            CompactedThrough = _changes.First!.Value.ResourceVersion;
            _changes.RemoveFirst();
        }
    }

    public IEnumerable<StoreChange> After(long resourceVersion) =>
        _changes.Where(c => c.ResourceVersion > resourceVersion);

    public IEnumerable<StoreChange> NewestFirstAfter(long resourceVersion)
    {
        for (var node = _changes.Last; node is not null && node.Value.ResourceVersion > resourceVersion; node = node.Previous)
        {
            yield return node.Value;
        }
    }
}
