namespace VmAddon.Core.Guests;

/// <summary>What the agent does to a VMI's domain in one reconcile.</summary>
public enum GuestAction
{
    None,

    /// <summary>Render, define (or redefine) and start the domain.</summary>
    DefineAndStart,

    Suspend,

    Resume,

    /// <summary>Press the ACPI power button, and give the guest its grace period.</summary>
    Shutdown,

    /// <summary>Power the domain off at once.</summary>
    Destroy,
}
