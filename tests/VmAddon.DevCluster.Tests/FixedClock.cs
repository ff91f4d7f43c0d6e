namespace VmAddon.DevCluster.Tests;

/// <summary>A clock that shows a set time, so timestamps in tests are exact.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
