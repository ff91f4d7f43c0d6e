using System.Runtime.InteropServices;

namespace VmAddon.Launcher.Native;

/// <summary>The few libc calls .NET does not expose: sending SIGTERM, and raw terminal mode for the console.</summary>
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
}
