using System.Runtime.InteropServices;

namespace VmAddon.Launcher.Native;

/// <summary>The few libc calls .NET does not expose: signals and reaping orphans (raw terminal mode lives in VmAddon.Terminal).</summary>
internal static partial class LibC
{
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    /// <summary>prctl option: orphaned descendants are reparented to this process instead of PID 1.</summary>
    public const int PrSetChildSubreaper = 36;

    /// <summary>waitid's idtype for "any child".</summary>
    public const int PAll = 0;

    public const int WNoHang = 1;

    public const int WExited = 4;

    /// <summary>Leave the child waitable: peek at who exited without reaping it.</summary>
    public const int WNoWait = 0x01000000;

    /// <summary>sizeof(siginfo_t) on Linux; si_pid sits at byte 16 on 64-bit targets.</summary>
    public const int SigInfoSize = 128;

    public const int SigInfoPidOffset = 16;

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    public static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", EntryPoint = "waitid", SetLastError = true)]
    public static partial int WaitId(int idType, int id, ref byte sigInfo, int options);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    public static partial int WaitPid(int pid, out int status, int options);
}
