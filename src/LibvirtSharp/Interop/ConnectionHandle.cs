using Microsoft.Win32.SafeHandles;

namespace LibvirtSharp.Interop;

/// <summary>Owns one reference to a <c>virConnectPtr</c>; released with <c>virConnectClose</c>.</summary>
internal sealed class ConnectionHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ConnectionHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes a new reference (virConnectRef) on a connection borrowed from libvirt.</summary>
    internal static ConnectionHandle AddReference(IntPtr borrowed)
    {
        LibvirtCall.Check(ConnectNative.virConnectRef(borrowed), "virConnectRef");
        var owned = new ConnectionHandle();
        owned.SetHandle(borrowed);
        return owned;
    }

    protected override bool ReleaseHandle() => ConnectNative.virConnectClose(handle) >= 0;
}
