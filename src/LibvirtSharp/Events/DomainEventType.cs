namespace LibvirtSharp;

/// <summary>The kind of a domain lifecycle event (<c>virDomainEventType</c>).</summary>
public enum DomainEventType
{
    Defined = 0,
    Undefined = 1,
    Started = 2,
    Suspended = 3,
    Resumed = 4,
    Stopped = 5,
    Shutdown = 6,
    PMSuspended = 7,
    Crashed = 8,
}
