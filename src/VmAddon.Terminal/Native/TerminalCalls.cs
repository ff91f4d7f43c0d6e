using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace VmAddon.Terminal.Native;

/// <summary>
/// The libc terminal calls .NET does not expose: termios for raw mode, TIOCGWINSZ for the window size, as laid out on
/// Linux (glibc and musl, x86_64 and arm64).
/// </summary>
[SupportedOSPlatform("linux")]
internal static partial class TerminalCalls
{
    /// <summary>tcsetattr's "apply now".</summary>
    public const int TcsaNow = 0;

    /// <summary>
    /// Room for a struct termios: 60 bytes on glibc x86_64 and arm64. It is only copied, so a generous buffer keeps
    /// the code independent of the exact layout.
    /// </summary>
    public const int TermiosBufferSize = 256;

    /// <summary>ioctl request for the window size; the same number on x86_64 and arm64 Linux.</summary>
    public const nuint TiocGWinSz = 0x5413;

    [LibraryImport("libc", EntryPoint = "isatty")]
    public static partial int IsATty(int fd);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, ref byte termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int optionalActions, ref byte termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(ref byte termios);

    /// <summary>ioctl(fd, TIOCGWINSZ, &amp;winsize): fills <paramref name="size"/>.</summary>
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoctlWindowSize(int fd, nuint request, out WindowSizeStruct size);

    /// <summary>struct winsize.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct WindowSizeStruct
    {
        public ushort Rows;
        public ushort Columns;
        public ushort XPixels;
        public ushort YPixels;
    }
}
