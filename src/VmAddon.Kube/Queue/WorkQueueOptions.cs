namespace VmAddon.Kube.Queue;

/// <summary>How a <see cref="WorkQueue"/> backs off keys that keep failing.</summary>
public sealed record WorkQueueOptions
{
    /// <summary>The delay before the first rate-limited re-add; doubled per further failure. Default 5 ms, as client-go.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The longest delay a failing key waits. Default 1000 s, as client-go.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1000);

    /// <summary>Up to this fraction of the delay is added at random, so keys failing together do not retry together. Default 0.1.</summary>
    public double JitterFraction { get; init; } = 0.1;

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
        ArgumentOutOfRangeException.ThrowIfNegative(JitterFraction, nameof(JitterFraction));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(JitterFraction, 1.0, nameof(JitterFraction));
    }
}
