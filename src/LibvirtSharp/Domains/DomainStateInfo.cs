namespace LibvirtSharp;

/// <summary>A domain's state and libvirt's reason for it; the reason's meaning depends on the state.</summary>
public sealed record DomainStateInfo(DomainState State, int Reason)
{
    public DomainRunningReason? RunningReason => State == DomainState.Running ? (DomainRunningReason)Reason : null;

    public DomainPausedReason? PausedReason => State == DomainState.Paused ? (DomainPausedReason)Reason : null;

    public DomainShutoffReason? ShutoffReason => State == DomainState.Shutoff ? (DomainShutoffReason)Reason : null;

    public override string ToString() => State switch
    {
        DomainState.Running => $"Running ({RunningReason})",
        DomainState.Paused => $"Paused ({PausedReason})",
        DomainState.Shutoff => $"Shutoff ({ShutoffReason})",
        _ => $"{State} ({Reason})",
    };
}
