using System.Globalization;
using k8s;

namespace VmAddon.DevCluster.Tests.Load;

/// <summary>
/// Keeps one watch open and records every event it reads. Like client-go's reflector it resumes from the last resourceVersion it saw
/// when the server ends the stream, and after a 410 ERROR that closed it as too slow; each resume is counted, as the test reports them.
/// </summary>
/// <param name="spec">What to watch.</param>
/// <param name="client">The client to watch with.</param>
/// <param name="startResourceVersion">Where the watch starts.</param>
/// <param name="readGate">When given, a stalled reader: after each event it waits for this task before it reads on.</param>
internal sealed class WatchRecorder(WatchSpec spec, IKubernetes client, string startResourceVersion, Task? readGate = null)
{
    private readonly Lock _gate = new();
    private readonly List<SeenEvent> _events = [];
    private readonly List<(long ResourceVersion, TaskCompletionSource Reached)> _waiters = [];
    private long _latest;
    private string? _failure;

    public WatchSpec Spec => spec;

    /// <summary>Resumes after a 410 ERROR: the server closed the watch because this reader fell too far behind.</summary>
    public int TooSlowResumes { get; private set; }

    /// <summary>Resumes after the server ended the stream without an error.</summary>
    public int Reopens { get; private set; }

    public string? Failure
    {
        get
        {
            lock (_gate)
            {
                return _failure;
            }
        }
    }

    public IReadOnlyList<SeenEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public long Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>Reads until cancelled; returns early only when the watch cannot go on, with <see cref="Failure"/> saying why.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var from = startResourceVersion;
        while (!cancellationToken.IsCancellationRequested)
        {
            var errors = new List<Exception>();
            var read = 0;
            try
            {
                await foreach (var seen in spec.WatchAsync(client, from, errors.Add, cancellationToken))
                {
                    Record(seen);
                    from = seen.ResourceVersion.ToString(CultureInfo.InvariantCulture);
                    read++;
                    if (readGate is not null)
                    {
                        await readGate;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Fail($"the watch from resourceVersion {from} failed: {e.GetType().Name}: {e.Message}");
                return;
            }

            switch (errors.FirstOrDefault())
            {
                // Everything before the ERROR arrived in order, so resuming from the last resourceVersion read loses nothing.
                // A 410 before any event means that resourceVersion is already compacted: events are lost, the watch fails.
                case KubernetesException { Status.Code: 410 } when read > 0:
                    TooSlowResumes++;
                    break;
                case null:
                    Reopens++;
                    break;
                case var error:
                    Fail($"ERROR event or unreadable event after resourceVersion {from}: {error.Message}");
                    return;
            }
        }
    }

    /// <summary>Completes once this watch has read an event at or after the resourceVersion, and fails if the watch fails first.</summary>
    public Task ReachedAsync(long resourceVersion)
    {
        lock (_gate)
        {
            if (_latest >= resourceVersion)
            {
                return Task.CompletedTask;
            }

            if (_failure is not null)
            {
                return Task.FromException(new InvalidOperationException($"{spec}: {_failure}"));
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((resourceVersion, waiter));
            return waiter.Task;
        }
    }

    private void Record(SeenEvent seen)
    {
        lock (_gate)
        {
            _events.Add(seen);
            _latest = Math.Max(_latest, seen.ResourceVersion);
            _waiters.RemoveAll(w => w.ResourceVersion <= _latest && w.Reached.TrySetResult());
        }
    }

    private void Fail(string message)
    {
        lock (_gate)
        {
            _failure = message;
            foreach (var (_, reached) in _waiters)
            {
                reached.TrySetException(new InvalidOperationException($"{spec}: {message}"));
            }

            _waiters.Clear();
        }
    }
}
