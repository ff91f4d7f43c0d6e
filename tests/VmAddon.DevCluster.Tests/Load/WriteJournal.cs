using System.Collections.Concurrent;

namespace VmAddon.DevCluster.Tests.Load;

/// <summary>Every write of a load run, per object in the order its one writer made them, with the resourceVersion each response carried.</summary>
internal sealed class WriteJournal(int midpoint)
{
    private readonly ConcurrentDictionary<ObjectRef, List<JournalEntry>> _objects = new();
    private readonly TaskCompletionSource _midpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writes;

    public IReadOnlyDictionary<ObjectRef, List<JournalEntry>> Objects => _objects;

    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Completes once half the planned writes are done, for the list made while writers still run.</summary>
    public Task Midpoint => _midpoint.Task;

    public void Add(ObjectRef obj, JournalEntry entry)
    {
        // One writer owns each object, so its list is never written by two threads at once.
        _objects.GetOrAdd(obj, _ => []).Add(entry);
        if (Interlocked.Increment(ref _writes) >= midpoint)
        {
            _midpoint.TrySetResult();
        }
    }

    /// <summary>The objects of a kind that existed at a resourceVersion, with the resourceVersion each had then; deletions gives each delete's (only watches tell it).</summary>
    public Dictionary<ObjectRef, long> LiveAt(ObjectKind kind, long resourceVersion, IReadOnlyDictionary<ObjectRef, long> deletions)
    {
        var live = new Dictionary<ObjectRef, long>();
        foreach (var (obj, entries) in _objects.Where(o => o.Key.Kind == kind))
        {
            var last = entries
                .Select(e => (e.Step, Version: e.Step == WriteStep.Delete ? deletions.GetValueOrDefault(obj, long.MaxValue) : e.ResourceVersion))
                .LastOrDefault(e => e.Version <= resourceVersion);
            if (last.Version != 0 && last.Step != WriteStep.Delete)
            {
                live[obj] = last.Version;
            }
        }

        return live;
    }
}
