namespace VmAddon.DevCluster.Scheduling;

/// <summary>How the dev scheduler runs.</summary>
public sealed record SchedulerOptions
{
    /// <summary>The spec.schedulerName this scheduler serves (kube-scheduler's default profile: default-scheduler).</summary>
    public string SchedulerName { get; init; } = "default-scheduler";

    /// <summary>
    /// How long an unschedulable pod waits before it is tried again when nothing relevant changed (30 s). A node change,
    /// or a bound pod going away, retries it at once; kube-scheduler also flushes its unschedulable pods periodically.
    /// </summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The reportingInstance of its events (kube-scheduler: the scheduler name, a dash and the host name).</summary>
    public string? ReportingInstance { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(SchedulerName))
        {
            throw new ArgumentException("SchedulerName must not be empty", nameof(SchedulerName));
        }

        if (RetryInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryInterval), RetryInterval, "RetryInterval must be positive");
        }
    }
}
