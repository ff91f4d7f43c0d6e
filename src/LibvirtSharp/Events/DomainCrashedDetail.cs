namespace LibvirtSharp;

/// <summary>Detail of a Crashed event (<c>virDomainEventCrashedDetailType</c>).</summary>
public enum DomainCrashedDetail
{
    Panicked = 0,
    CrashLoaded = 1,
}
