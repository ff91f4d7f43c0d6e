using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace VmAddon.Launcher.Native;

/// <summary>
/// Makes the launcher the reaper of its orphaned descendants. QEMU is forked by libvirtd and daemonizes, so it
/// is reparented: in a Pod to the launcher itself, as PID 1; elsewhere to whatever PID 1 is. Until its zombie is
/// reaped libvirt does not report the guest as gone, and a slow PID 1 delayed that by a second here. The launcher
/// declares itself a child subreaper and reaps every exited child that .NET did not start; .NET's own children
/// (libvirtd, qemu-img, genisoimage) are left for .NET's Process to collect.
/// </summary>
internal static class OrphanReaper
{
    private static readonly ConcurrentDictionary<int, byte> s_ownChildren = new();

    /// <summary>Held while a child starts, so a child that exits at once is never mistaken for an orphan.</summary>
    private static readonly Lock s_starting = new();
    private static PosixSignalRegistration? s_registration;

    /// <summary>Starts a child through <see cref="Process"/> and leaves its reaping to .NET.</summary>
    public static Process? StartOwned(ProcessStartInfo start)
    {
        lock (s_starting)
        {
            var process = Process.Start(start);
            if (process is not null)
            {
                var pid = process.Id;
                s_ownChildren.TryAdd(pid, 0);
                process.EnableRaisingEvents = true;
                process.Exited += (_, _) => s_ownChildren.TryRemove(pid, out _);
            }

            return process;
        }
    }

    /// <summary>Becomes the subreaper and reaps on every SIGCHLD. Returns false where the kernel refuses.</summary>
    public static bool Start()
    {
        if (LibC.Prctl(LibC.PrSetChildSubreaper, 1, 0, 0, 0) != 0)
        {
            return false;
        }

        s_registration ??= PosixSignalRegistration.Create(PosixSignal.SIGCHLD, _ => ReapOrphans());
        return true;
    }

    /// <summary>Reaps exited children that are not .NET's own; returns their pids.</summary>
    public static IReadOnlyList<int> ReapOrphans()
    {
        lock (s_starting)
        {
            return ReapExitedOrphans();
        }
    }

    private static List<int> ReapExitedOrphans()
    {
        var reaped = new List<int>();
        Span<byte> info = stackalloc byte[LibC.SigInfoSize];
        while (true)
        {
            info.Clear();
            if (LibC.WaitId(LibC.PAll, 0, ref MemoryMarshal.GetReference(info), LibC.WExited | LibC.WNoHang | LibC.WNoWait) != 0)
            {
                return reaped; // ECHILD: no children at all
            }

            var pid = BinaryPrimitives.ReadInt32LittleEndian(info[LibC.SigInfoPidOffset..]);
            if (pid == 0 || s_ownChildren.ContainsKey(pid))
            {
                // Nothing has exited, or the first zombie is .NET's to collect; the next SIGCHLD comes back here.
                return reaped;
            }

            if (LibC.WaitPid(pid, out _, LibC.WNoHang) == pid)
            {
                reaped.Add(pid);
            }
        }
    }
}
