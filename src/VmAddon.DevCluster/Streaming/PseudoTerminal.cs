using System.Text;

namespace VmAddon.DevCluster.Streaming;

/// <summary>A pseudo-terminal pair: this process holds the master; a child opens the slave by <see cref="SlavePath"/>.</summary>
/// <remarks>
/// This process never opens the slave itself, so a read on the master ends (EIO, seen as end of stream) exactly when the
/// last process holding the slave has closed it, as a terminal emulator sees its shell go.
/// </remarks>
internal sealed class PseudoTerminal : IDisposable
{
    private int _master;

    private PseudoTerminal(int master, string slavePath)
    {
        _master = master;
        SlavePath = slavePath;
    }

    /// <summary>The slave's device, such as /dev/pts/3.</summary>
    public string SlavePath { get; }

    public int Master => _master >= 0 ? _master : throw new ObjectDisposedException(nameof(PseudoTerminal));

    /// <summary>Opens a new pair with the given window size.</summary>
    public static PseudoTerminal Open(ushort columns, ushort rows)
    {
        var master = Libc.posix_openpt(Libc.OpenReadWrite | Libc.OpenNoControllingTty | Libc.OpenCloseOnExec);
        if (master < 0)
        {
            throw Libc.Error("posix_openpt");
        }

        try
        {
            if (Libc.grantpt(master) != 0)
            {
                throw Libc.Error("grantpt");
            }

            if (Libc.unlockpt(master) != 0)
            {
                throw Libc.Error("unlockpt");
            }

            var name = new byte[128];
            if (Libc.ptsname_r(master, name, (nuint)name.Length) != 0)
            {
                throw Libc.Error("ptsname_r");
            }

            var terminal = new PseudoTerminal(master, Encoding.UTF8.GetString(name, 0, Array.IndexOf(name, (byte)0)));
            terminal.Resize(columns, rows);
            return terminal;
        }
        catch
        {
            _ = Libc.close(master);
            throw;
        }
    }

    /// <summary>Sets the window size (TIOCSWINSZ on the master); the kernel sends SIGWINCH to the slave's foreground process group.</summary>
    public void Resize(ushort columns, ushort rows)
    {
        var size = new Libc.WindowSize { Columns = columns, Rows = rows };
        if (Libc.ioctl(Master, Libc.SetWindowSize, ref size) != 0)
        {
            throw Libc.Error("ioctl(TIOCSWINSZ)");
        }
    }

    /// <summary>The current window size, as the slave's programs see it.</summary>
    public (ushort Columns, ushort Rows) Size()
    {
        var size = default(Libc.WindowSize);
        return Libc.ioctl(Master, Libc.GetWindowSize, ref size) == 0 ? (size.Columns, size.Rows) : throw Libc.Error("ioctl(TIOCGWINSZ)");
    }

    public void Dispose()
    {
        var master = Interlocked.Exchange(ref _master, -1);
        if (master >= 0)
        {
            _ = Libc.close(master);
        }
    }
}
