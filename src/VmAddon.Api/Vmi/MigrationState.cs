namespace VmAddon.Api;

/// <summary>The state of a live migration, kept on the instance being moved.</summary>
public sealed record MigrationState
{
    public string? MigrationUid { get; init; }

    public string? SourceNode { get; init; }

    public string? SourcePod { get; init; }

    public string? TargetNode { get; init; }

    public string? TargetPod { get; init; }

    public string? TargetNodeAddress { get; init; }

    public DateTime? StartTimestamp { get; init; }

    public DateTime? EndTimestamp { get; init; }

    public bool? Completed { get; init; }

    public bool? Failed { get; init; }

    public string? FailureReason { get; init; }

    public bool? AbortRequested { get; init; }

    public string? AbortStatus { get; init; }

    public string? Mode { get; init; }
}
