using System.Runtime.Versioning;
using VmAddon.Terminal.Native;

namespace VmAddon.Terminal;

/// <summary>
/// Puts a terminal into raw mode (no echo, no line editing, no signal keys), so every key (Ctrl+C included) passes
/// through unbuffered; disposing restores the saved settings.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class RawTerminal : IDisposable
{
    /// <summary>Standard input's file descriptor.</summary>
    public const int StandardInput = 0;

    private readonly int _fd;
    private readonly byte[] _saved;
    private int _disposed;

    private RawTerminal(int fd, byte[] saved)
    {
        _fd = fd;
        _saved = saved;
    }

    /// <summary>Raw mode on <paramref name="fd"/> (standard input unless told), or null when it is not a terminal (piped, or exec without -t).</summary>
    public static RawTerminal? EnterIfTerminal(int fd = StandardInput)
    {
        if (TerminalCalls.IsATty(fd) != 1)
        {
            return null;
        }

        var saved = new byte[TerminalCalls.TermiosBufferSize];
        if (TerminalCalls.TcGetAttr(fd, ref saved[0]) != 0)
        {
            return null;
        }

        var raw = (byte[])saved.Clone();
        TerminalCalls.CfMakeRaw(ref raw[0]);
        _ = TerminalCalls.TcSetAttr(fd, TerminalCalls.TcsaNow, ref raw[0]);
        return new RawTerminal(fd, saved);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ = TerminalCalls.TcSetAttr(_fd, TerminalCalls.TcsaNow, ref _saved[0]);
        }
    }
}
