namespace LibvirtSharp;

/// <summary>How a graceful shutdown or reboot asks the guest (<c>virDomainShutdownFlagValues</c>); None lets the driver choose.</summary>
[Flags]
public enum DomainShutdownMethods
{
    None = 0,
    AcpiPowerButton = 1,
    GuestAgent = 2,
    Initctl = 4,
    Signal = 8,
    Paravirt = 16,
}
