namespace LibvirtSharp;

/// <summary>Which domains to list (<c>virConnectListAllDomainsFlags</c>); None lists all.</summary>
[Flags]
public enum DomainListFilter
{
    None = 0,
    Active = 1,
    Inactive = 2,
    Persistent = 4,
    Transient = 8,
    Running = 16,
    Paused = 32,
    Shutoff = 64,
    Other = 128,
}
