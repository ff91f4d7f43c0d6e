namespace LibvirtSharp;

/// <summary>One domain lifecycle event; <see cref="Detail"/>'s meaning depends on <see cref="Type"/>, so typed views are offered.</summary>
public sealed record DomainLifecycleEvent(string DomainName, Guid DomainUuid, DomainEventType Type, int Detail)
{
    public DomainDefinedDetail? DefinedDetail => Type == DomainEventType.Defined ? (DomainDefinedDetail)Detail : null;

    public DomainUndefinedDetail? UndefinedDetail => Type == DomainEventType.Undefined ? (DomainUndefinedDetail)Detail : null;

    public DomainStartedDetail? StartedDetail => Type == DomainEventType.Started ? (DomainStartedDetail)Detail : null;

    public DomainSuspendedDetail? SuspendedDetail => Type == DomainEventType.Suspended ? (DomainSuspendedDetail)Detail : null;

    public DomainResumedDetail? ResumedDetail => Type == DomainEventType.Resumed ? (DomainResumedDetail)Detail : null;

    public DomainStoppedDetail? StoppedDetail => Type == DomainEventType.Stopped ? (DomainStoppedDetail)Detail : null;

    public DomainShutdownDetail? ShutdownDetail => Type == DomainEventType.Shutdown ? (DomainShutdownDetail)Detail : null;

    public DomainCrashedDetail? CrashedDetail => Type == DomainEventType.Crashed ? (DomainCrashedDetail)Detail : null;

    public override string ToString()
    {
        object detail = Type switch
        {
            DomainEventType.Defined => DefinedDetail!,
            DomainEventType.Undefined => UndefinedDetail!,
            DomainEventType.Started => StartedDetail!,
            DomainEventType.Suspended => SuspendedDetail!,
            DomainEventType.Resumed => ResumedDetail!,
            DomainEventType.Stopped => StoppedDetail!,
            DomainEventType.Shutdown => ShutdownDetail!,
            DomainEventType.Crashed => CrashedDetail!,
            _ => Detail,
        };
        return $"{DomainName}: {Type} ({detail})";
    }
}
