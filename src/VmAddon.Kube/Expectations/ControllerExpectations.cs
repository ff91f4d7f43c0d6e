namespace VmAddon.Kube.Expectations;

/// <summary>client-go style expectations: the creations and deletions a controller has asked for and not yet seen in its cache.</summary>
/// <remarks>
/// A reconciler that creates a pod records it here before the create call; the cache's add handler observes it.
/// Until then <see cref="Satisfied"/> is false and the reconciler must not act on the (stale) cache, or it would create
/// a second pod. An expectation older than the TTL counts as satisfied, so a lost watch event cannot wedge a controller.
/// </remarks>
public sealed class ControllerExpectations(TimeProvider? time = null, TimeSpan? ttl = null)
{
    /// <summary>How long an unmet expectation holds, as client-go's ExpectationsTimeout.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, Record> _records = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly TimeSpan _ttl = ttl ?? DefaultTtl;

    /// <summary>Replaces the controller's expectations with <paramref name="count"/> creations.</summary>
    public void ExpectCreations(string controllerKey, int count) => Set(controllerKey, count, 0);

    /// <summary>Replaces the controller's expectations with <paramref name="count"/> deletions.</summary>
    public void ExpectDeletions(string controllerKey, int count) => Set(controllerKey, 0, count);

    /// <summary>Adds to what the controller expects, keeping what it already expected.</summary>
    public void RaiseExpectations(string controllerKey, int creations, int deletions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(creations);
        ArgumentOutOfRangeException.ThrowIfNegative(deletions);
        lock (_lock)
        {
            if (_records.TryGetValue(controllerKey, out var record))
            {
                _records[controllerKey] = record with { Creations = record.Creations + creations, Deletions = record.Deletions + deletions };
            }
            else
            {
                _records[controllerKey] = new(creations, deletions, _time.GetUtcNow());
            }
        }
    }

    /// <summary>Records that the cache has seen one expected creation (or that a create call failed and will not be seen).</summary>
    public void CreationObserved(string controllerKey) => Lower(controllerKey, 1, 0);

    /// <summary>Records that the cache has seen one expected deletion (or that a delete call failed).</summary>
    public void DeletionObserved(string controllerKey) => Lower(controllerKey, 0, 1);

    /// <summary>True when nothing is expected, everything expected was observed, or the expectation is older than the TTL.</summary>
    public bool Satisfied(string controllerKey)
    {
        lock (_lock)
        {
            if (!_records.TryGetValue(controllerKey, out var record))
            {
                return true;
            }

            return (record.Creations <= 0 && record.Deletions <= 0) || _time.GetUtcNow() - record.SetAt > _ttl;
        }
    }

    /// <summary>The creations and deletions still expected, or null when none are recorded.</summary>
    public (int Creations, int Deletions)? Pending(string controllerKey)
    {
        lock (_lock)
        {
            return _records.TryGetValue(controllerKey, out var r) ? (Math.Max(r.Creations, 0), Math.Max(r.Deletions, 0)) : null;
        }
    }

    /// <summary>Forgets the controller's expectations, when the controller object itself is deleted.</summary>
    public void Delete(string controllerKey)
    {
        lock (_lock)
        {
            _records.Remove(controllerKey);
        }
    }

    private void Set(string controllerKey, int creations, int deletions)
    {
        ArgumentException.ThrowIfNullOrEmpty(controllerKey);
        ArgumentOutOfRangeException.ThrowIfNegative(creations);
        ArgumentOutOfRangeException.ThrowIfNegative(deletions);
        lock (_lock)
        {
            _records[controllerKey] = new(creations, deletions, _time.GetUtcNow());
        }
    }

    private void Lower(string controllerKey, int creations, int deletions)
    {
        lock (_lock)
        {
            // An observation with nothing expected (another controller's pod, or one seen after the TTL) is ignored.
            if (_records.TryGetValue(controllerKey, out var record))
            {
                _records[controllerKey] = record with { Creations = record.Creations - creations, Deletions = record.Deletions - deletions };
            }
        }
    }

    private sealed record Record(int Creations, int Deletions, DateTimeOffset SetAt);
}
