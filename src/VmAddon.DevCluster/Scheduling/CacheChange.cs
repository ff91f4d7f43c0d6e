using k8s;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>One change a <see cref="ListWatchCache{T}"/> applied: the object before (null when added) and after (null when deleted).</summary>
internal sealed record CacheChange<T>(WatchEventType Type, T? Old, T? New)
    where T : class;
