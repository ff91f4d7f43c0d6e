using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace LibvirtSharp.Interop;

/// <summary>
/// The static entry points libvirt calls back into. They are function pointers, not delegates, so no delegate can
/// be collected while libvirt holds it; the per-registration state travels as a GCHandle in libvirt's opaque
/// pointer and is freed only by libvirt's free callback, after libvirt has promised never to call again.
/// Exceptions must never unwind into libvirt, so every entry point catches them.
/// </summary>
internal static class NativeCallbacks
{
    [SuppressMessage("Style", "IDE0060", Justification = "The signature is libvirt's.")]
    [UnmanagedCallersOnly]
    internal static void IgnoreError(IntPtr userData, IntPtr error)
    {
        // Errors are read where the call failed; libvirt's default handler would print them all to stderr.
    }

    [UnmanagedCallersOnly]
    internal static void FreeOpaque(IntPtr opaque)
    {
        if (opaque != IntPtr.Zero)
        {
            GCHandle.FromIntPtr(opaque).Free();
        }
    }

    [SuppressMessage("Style", "IDE0060", Justification = "The signature is libvirt's.")]
    [UnmanagedCallersOnly]
    internal static int OnDomainLifecycle(IntPtr conn, IntPtr dom, int eventType, int detail, IntPtr opaque)
    {
        try
        {
            if (GCHandle.FromIntPtr(opaque).Target is LifecycleEventSink sink)
            {
                sink.Deliver(dom, eventType, detail);
            }
        }
        catch (Exception)
        {
            // An event we fail to read is dropped; throwing into libvirt's event loop would crash the process.
        }

        return 0;
    }

    [SuppressMessage("Style", "IDE0060", Justification = "The signature is libvirt's.")]
    [UnmanagedCallersOnly]
    internal static void OnConnectionClosed(IntPtr conn, int reason, IntPtr opaque)
    {
        try
        {
            if (GCHandle.FromIntPtr(opaque).Target is ConnectionCloseSink sink)
            {
                sink.Deliver((ConnectionCloseReason)reason);
            }
        }
        catch (Exception)
        {
            // See OnDomainLifecycle: nothing may unwind into libvirt.
        }
    }

    [SuppressMessage("Style", "IDE0060", Justification = "The signature is libvirt's.")]
    [UnmanagedCallersOnly]
    internal static void OnStreamEvent(IntPtr stream, int events, IntPtr opaque)
    {
        try
        {
            if (GCHandle.FromIntPtr(opaque).Target is ConsoleStreamPump pump)
            {
                pump.OnEvents((StreamEvents)events);
            }
        }
        catch (Exception)
        {
            // See OnDomainLifecycle: nothing may unwind into libvirt.
        }
    }
}
