namespace LibvirtSharp;

/// <summary>Says why a libvirt connection closed.</summary>
public sealed class ConnectionClosedEventArgs(ConnectionCloseReason reason) : EventArgs
{
    public ConnectionCloseReason Reason { get; } = reason;
}
