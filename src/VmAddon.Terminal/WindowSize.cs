using System.Runtime.Versioning;
using VmAddon.Terminal.Native;

namespace VmAddon.Terminal;

/// <summary>Reads a terminal's window size (ioctl TIOCGWINSZ).</summary>
[SupportedOSPlatform("linux")]
public static class WindowSize
{
    /// <summary>Standard output's file descriptor: kubectl, too, sizes the remote terminal by its output.</summary>
    public const int StandardOutput = 1;

    /// <summary>The size of the terminal on <paramref name="fd"/>; null when it is not a terminal or reports no size (0×0).</summary>
    public static TerminalSize? Read(int fd)
    {
        if (TerminalCalls.IsATty(fd) != 1 || TerminalCalls.IoctlWindowSize(fd, TerminalCalls.TiocGWinSz, out var size) != 0)
        {
            return null;
        }

        return size.Columns == 0 && size.Rows == 0 ? null : new TerminalSize(size.Columns, size.Rows);
    }
}
