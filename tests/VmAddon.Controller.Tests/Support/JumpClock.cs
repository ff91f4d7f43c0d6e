namespace VmAddon.Controller.Tests.Support;

/// <summary>
/// The system clock plus an offset the test can move forward. Timers run on real time, and a jump fires those whose
/// due time it passes, so a controller waiting for a deadline acts when the test jumps past it, not 15 s later.
/// </summary>
internal sealed class JumpClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<JumpTimer> _timers = [];
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return System.GetUtcNow() + _offset;
        }
    }

    public void Jump(TimeSpan by)
    {
        List<JumpTimer> due;
        lock (_lock)
        {
            _offset += by;
            var now = System.GetUtcNow() + _offset;
            due = [.. _timers.Where(t => t.Due <= now)];
            _timers.RemoveAll(due.Contains);
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            var timer = new JumpTimer(this, callback, state, GetUtcNow() + dueTime, dueTime);
            _timers.Add(timer);
            return timer;
        }
    }

    private void Remove(JumpTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    // One-shot: fires once, on real time or on a jump, whichever comes first.
    private sealed class JumpTimer : ITimer
    {
        private readonly JumpClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly ITimer _real;
        private int _fired;

        public JumpTimer(JumpClock clock, TimerCallback callback, object? state, DateTimeOffset due, TimeSpan dueTime)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            Due = due;
            _real = System.CreateTimer(_ => Fire(), null, dueTime, Timeout.InfiniteTimeSpan);
        }

        public DateTimeOffset Due { get; }

        public void Fire()
        {
            if (Interlocked.Exchange(ref _fired, 1) == 0)
            {
                _clock.Remove(this);
                _callback(_state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException();

        public void Dispose()
        {
            _real.Dispose();
            _clock.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
