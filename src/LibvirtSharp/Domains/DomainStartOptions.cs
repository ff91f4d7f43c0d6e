namespace LibvirtSharp;

/// <summary>Flags for starting a domain (<c>virDomainCreateFlags</c>).</summary>
[Flags]
public enum DomainStartOptions
{
    None = 0,
    Paused = 1,
    AutoDestroy = 2,
    BypassCache = 4,
    ForceBoot = 8,
    Validate = 16,
    ResetNvram = 32,
}
