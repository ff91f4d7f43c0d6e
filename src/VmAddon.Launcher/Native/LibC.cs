using System.Runtime.InteropServices;

namespace VmAddon.Launcher.Native;

/// <summary>The few libc calls .NET does not expose: signals, raw terminal mode for the console, and reaping orphans.</summary>
internal static partial class LibC
{
    public const int SigTerm = 15;

    /// <summary>tcsetattr's "apply now".</summary>
    public const int TcsaNow = 0;

    /// <summary>
    /// Room for a struct termios: 60 bytes on glibc x86_64 and arm64. The launcher only copies it, so a generous
    /// buffer keeps it independent of the exact layout.
    /// </summary>
    public const int TermiosBufferSize = 256;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, ref byte termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int optionalActions, ref byte termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(ref byte termios);

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
