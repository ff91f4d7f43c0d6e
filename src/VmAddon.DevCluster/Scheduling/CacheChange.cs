using k8s;
using VmAddon.Kube.Caching;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>One change a cache applied: the object before (null when added) and after (null when deleted).</summary>
internal sealed record CacheChange<T>(WatchEventType Type, T? Old, T? New)
    where T : class
{
    /// <summary>A cache handler that reports every change through one callback.</summary>
    public static InformerHandler<T> Handler(Action<CacheChange<T>> changed) => new()
    {
        OnAdded = added => changed(new CacheChange<T>(WatchEventType.Added, null, added)),
        OnUpdated = (old, updated) => changed(new CacheChange<T>(WatchEventType.Modified, old, updated)),
        OnDeleted = (last, _) => changed(new CacheChange<T>(WatchEventType.Deleted, last, null)),
    };
}
