namespace VmAddon.Kube.Queue;

/// <summary>A client-go style rate-limited work queue of keys ("namespace/name"): de-duplicated, one worker per key at a time.</summary>
/// <remarks>
/// A key added while a worker holds it is remembered as dirty and queued again when the worker calls <see cref="Done"/>,
/// so the newest state is always reconciled once more but never by two workers at once.
/// </remarks>
public sealed class WorkQueue : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<string> _queue = new();
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly HashSet<string> _processing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly LinkedList<TaskCompletionSource<string?>> _waiters = new();
    private readonly HashSet<ITimer> _timers = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WorkQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private bool _shuttingDown;

    /// <summary>Creates a queue; <paramref name="random"/> is for tests that pin the jitter.</summary>
    public WorkQueue(WorkQueueOptions? options = null, TimeProvider? time = null, Random? random = null)
    {
        _options = options ?? new WorkQueueOptions();
        _options.Validate();
        _time = time ?? TimeProvider.System;
        _random = random ?? Random.Shared;
    }

    /// <summary>The number of keys waiting for a worker (not counting those being processed).</summary>
    public int Depth
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>True once <see cref="ShutDownAsync"/> has been called.</summary>
    public bool IsShuttingDown
    {
        get
        {
            lock (_lock)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Queues a key unless it is already waiting; ignored after shutdown.</summary>
    public void Add(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_lock)
        {
            if (_shuttingDown || !_dirty.Add(key))
            {
                return;
            }

            if (_processing.Contains(key))
            {
                return;
            }

            Enqueue(key);
        }
    }

    /// <summary>Queues a key after its per-key backoff: base × 2^failures, capped, plus jitter. Counts a failure.</summary>
    public void AddRateLimited(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        TimeSpan delay;
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            var failures = _failures.GetValueOrDefault(key);
            _failures[key] = failures + 1;
            delay = BackoffFor(failures);
        }

        AddAfter(key, delay);
    }

    /// <summary>The number of rate-limited re-adds since the key was last forgotten.</summary>
    public int Failures(string key)
    {
        lock (_lock)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>Clears a key's backoff, after it was reconciled successfully.</summary>
    public void Forget(string key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>Queues a key once <paramref name="delay"/> has passed (at once when it is not positive).</summary>
    public void AddAfter(string key, TimeSpan delay)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            ITimer? timer = null;
            timer = _time.CreateTimer(
                _ =>
                {
                    lock (_lock)
                    {
                        // The callback can run before the assignment below is seen; the lock orders the two.
                        if (timer is not null && !_timers.Remove(timer))
                        {
                            return;
                        }
                    }

                    timer?.Dispose();
                    Add(key);
                },
                null,
                delay,
                Timeout.InfiniteTimeSpan);
            _timers.Add(timer);
        }
    }

    /// <summary>Waits for a key to process; returns null once the queue is shut down and empty. Call <see cref="Done"/> after.</summary>
    public ValueTask<string?> GetAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<string?> waiter;
        LinkedListNode<TaskCompletionSource<string?>> node;
        lock (_lock)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_queue.Count > 0)
            {
                return ValueTask.FromResult<string?>(Take());
            }

            if (_shuttingDown)
            {
                return ValueTask.FromResult<string?>(null);
            }

            waiter = new(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                lock (_lock)
                {
                    if (node.List is null)
                    {
                        return;
                    }

                    _waiters.Remove(node);
                }

                waiter.TrySetCanceled(cancellationToken);
            });
            _ = waiter.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return new ValueTask<string?>(waiter.Task);
    }

    /// <summary>Marks a key processed; if it was added meanwhile it is queued again.</summary>
    public void Done(string key)
    {
        lock (_lock)
        {
            if (!_processing.Remove(key))
            {
                return;
            }

            if (_dirty.Contains(key))
            {
                Enqueue(key);
            }

            CheckDrained();
        }
    }

    /// <summary>Stops accepting keys (delayed ones are dropped), lets workers take what is queued, and completes when all is done.</summary>
    public Task ShutDownAsync(CancellationToken cancellationToken)
    {
        List<ITimer> timers;
        lock (_lock)
        {
            _shuttingDown = true;
            timers = [.. _timers];
            _timers.Clear();
            if (_queue.Count == 0)
            {
                // Idle workers wake with null; busy ones see null on their next GetAsync.
                foreach (var waiter in _waiters)
                {
                    waiter.TrySetResult(null);
                }

                _waiters.Clear();
            }

            CheckDrained();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        return _drained.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Drops pending timers and wakes waiting workers with null.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _shuttingDown = true;
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }

            _timers.Clear();
            foreach (var waiter in _waiters)
            {
                waiter.TrySetResult(null);
            }

            _waiters.Clear();
        }
    }

    private TimeSpan BackoffFor(int failures)
    {
        var max = _options.MaxDelay.Ticks;
        // 2^failures overflows long quickly; cap the exponent well before that.
        var exponent = Math.Min(failures, 62);
        var ticks = _options.BaseDelay.Ticks;
        for (var i = 0; i < exponent && ticks < max; i++)
        {
            ticks *= 2;
        }

        ticks = Math.Min(ticks, max);
        var jitter = (long)(ticks * _options.JitterFraction * _random.NextDouble());
        return TimeSpan.FromTicks(Math.Min(ticks + jitter, max));
    }

    // Call with the lock held.
    private void Enqueue(string key)
    {
        if (_waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            _dirty.Remove(key);
            _processing.Add(key);
            first.Value.TrySetResult(key);
            return;
        }

        _queue.Enqueue(key);
    }

    // Call with the lock held.
    private string Take()
    {
        var key = _queue.Dequeue();
        _dirty.Remove(key);
        _processing.Add(key);
        return key;
    }

    // Call with the lock held.
    private void CheckDrained()
    {
        if (_shuttingDown && _queue.Count == 0 && _processing.Count == 0)
        {
            foreach (var waiter in _waiters)
            {
                waiter.TrySetResult(null);
            }

            _waiters.Clear();
            _drained.TrySetResult();
        }
    }
}
