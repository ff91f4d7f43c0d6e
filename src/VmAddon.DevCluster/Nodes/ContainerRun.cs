namespace VmAddon.DevCluster.Nodes;

/// <summary>What the node knows about one container right now: its state, its last termination, restarts, readiness.</summary>
public sealed record ContainerRun(string Name, string Image)
{
    public ContainerState State { get; init; } = ContainerState.Waiting("ContainerCreating");

    public ContainerState? LastTermination { get; init; }

    public int RestartCount { get; init; }

    /// <summary>Readiness as the probe (or its absence, which means ready while running) says.</summary>
    public bool Ready { get; init; }

    /// <summary>Whether the startup probe passed (or there is none) while running.</summary>
    public bool Started { get; init; }
}

/// <summary>A container's state in the kubelet's three forms.</summary>
public sealed record ContainerState(string Kind, string? Reason = null, string? Message = null, int? ExitCode = null, DateTimeOffset? StartedAt = null, DateTimeOffset? FinishedAt = null)
{
    public const string WaitingKind = "waiting";
    public const string RunningKind = "running";
    public const string TerminatedKind = "terminated";

    public bool IsWaiting => Kind == WaitingKind;

    public bool IsRunning => Kind == RunningKind;

    public bool IsTerminated => Kind == TerminatedKind;

    public static ContainerState Waiting(string reason, string? message = null) => new(WaitingKind, reason, message);

    public static ContainerState Running(DateTimeOffset startedAt) => new(RunningKind, StartedAt: startedAt);

    /// <summary>Exit code 0 is Completed, anything else Error, as the kubelet reports them.</summary>
    public static ContainerState Terminated(int exitCode, DateTimeOffset startedAt, DateTimeOffset finishedAt, string? reason = null) =>
        new(TerminatedKind, reason ?? (exitCode == 0 ? "Completed" : "Error"), null, exitCode, startedAt, finishedAt);
}
