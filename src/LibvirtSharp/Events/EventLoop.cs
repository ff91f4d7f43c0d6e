using LibvirtSharp.Interop;

namespace LibvirtSharp;

/// <summary>
/// libvirt's one process-wide event loop. It must be registered before the first connection opens, so every
/// connection starts it; it then runs for the life of the process on a dedicated background thread, which
/// dispatches lifecycle events, close callbacks, keepalives and stream events.
/// </summary>
internal static unsafe class EventLoop
{
    private static readonly Lock s_gate = new();
    private static Thread? s_thread;

    /// <summary>Starts the loop once; later calls return at once.</summary>
    internal static void EnsureStarted()
    {
        lock (s_gate)
        {
            if (s_thread is not null)
            {
                return;
            }

            LibvirtCall.Check(ConnectNative.virInitialize(), "virInitialize");
            ErrorNative.virSetErrorFunc(IntPtr.Zero, &NativeCallbacks.IgnoreError);
            LibvirtCall.Check(EventNative.virEventRegisterDefaultImpl(), "virEventRegisterDefaultImpl");
            s_thread = new Thread(Run) { IsBackground = true, Name = "libvirt event loop" };
            s_thread.Start();
        }
    }

    private static void Run()
    {
        while (true)
        {
            // A failed iteration is libvirt reporting poll() trouble; the next iteration retries, and stopping
            // would silently end every event in the process.
            _ = EventNative.virEventRunDefaultImpl();
        }
    }
}
