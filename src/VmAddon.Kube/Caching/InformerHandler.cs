namespace VmAddon.Kube.Caching;

/// <summary>Callbacks an <see cref="InformerCache{T}"/> runs after applying a change; they must be quick (queue a key) and must not block.</summary>
public sealed record InformerHandler<T>
    where T : class
{
    /// <summary>An object appeared (also replayed for every cached object when the handler is added).</summary>
    public Action<T>? OnAdded { get; init; }

    /// <summary>An object changed: old, then new. Also raised by a relist for objects whose resourceVersion moved.</summary>
    public Action<T, T>? OnUpdated { get; init; }

    /// <summary>An object went: its last known state, and true when the deletion was inferred by a relist (the final state is unknown).</summary>
    public Action<T, bool>? OnDeleted { get; init; }
}
