namespace LibvirtSharp;

/// <summary>Why a connection closed (<c>virConnectCloseReason</c>).</summary>
public enum ConnectionCloseReason
{
    Error = 0,
    EndOfFile = 1,
    KeepAlive = 2,
    Client = 3,
}
