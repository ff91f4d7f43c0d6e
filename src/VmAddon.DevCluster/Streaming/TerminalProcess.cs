using System.Diagnostics;
using VmAddon.DevCluster.Kubelet;

namespace VmAddon.DevCluster.Streaming;

/// <summary>A program on a new pseudo-terminal, which is its controlling terminal and its stdin, stdout and stderr; output comes on <see cref="Stdout"/>.</summary>
/// <remarks>
/// The child is started as <c>sh -c 'exec setsid --ctty --wait -- PROGRAM... &lt;&gt;PTS &gt;&amp;0 2&gt;&amp;0'</c>: the shell opens the
/// slave on its fds 0–2, and util-linux setsid makes a new session whose controlling terminal is fd 0, then execs the program
/// (no fork, as the child is no process-group leader, so the exit code is the program's).
/// </remarks>
public sealed class TerminalProcess : IExecProcess
{
    private const string Wrapper = "pts=$1; shift; exec \"$0\" --ctty --wait -- \"$@\" <>\"$pts\" >&0 2>&0";
    // util-linux's setsid, found in this process's PATH (the command's own PATH may not have it).
    private static readonly Lazy<string> SetsidPath = new(() => ExecutablePath.Resolve(new ProcessCommand("setsid", [])));

    private readonly Process _process;
    private readonly PseudoTerminal _terminal;

    private TerminalProcess(Process process, PseudoTerminal terminal, bool stdin)
    {
        _process = process;
        _terminal = terminal;
        Stdout = new TerminalStream(terminal, input: false);
        Stdin = stdin ? new TerminalStream(terminal, input: true) : null;
        Exited = WaitAsync(process);
    }

    public int ProcessId => _process.Id;

    /// <summary>The slave device the program runs on, such as /dev/pts/4.</summary>
    public string TerminalPath => _terminal.SlavePath;

    /// <summary>Typed input; disposing it types Ctrl-D.</summary>
    public Stream? Stdin { get; }

    /// <summary>Everything the program writes to the terminal (stdout and stderr both), ending when no process holds the terminal.</summary>
    public Stream Stdout { get; }

    /// <summary>Always null: a terminal has one output.</summary>
    public Stream? Stderr => null;

    public Task<int> Exited { get; }

    /// <summary>Starts the program on a new terminal of the given size.</summary>
    public static TerminalProcess Start(ProcessCommand command, bool stdin, ushort columns = 80, ushort rows = 24)
    {
        ArgumentNullException.ThrowIfNull(command);
        var file = ExecutablePath.Resolve(command);
        var terminal = PseudoTerminal.Open(columns, rows);
        try
        {
            var info = PipedProcess.StartInfo(command, "/bin/sh", ["-c", Wrapper, SetsidPath.Value, terminal.SlavePath, file, .. command.Arguments]);
            var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {command.File}");
            // The wrapper swaps its stdio for the terminal before exec; the pipes only ever carry the wrapper's own failure.
            process.StandardInput.Close();
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
            return new TerminalProcess(process, terminal, stdin);
        }
        catch
        {
            terminal.Dispose();
            throw;
        }
    }

    /// <summary>Sets the terminal's size; the program gets SIGWINCH.</summary>
    public void Resize(ushort columns, ushort rows)
    {
        try
        {
            _terminal.Resize(columns, rows);
        }
        catch (ObjectDisposedException)
        {
            // A resize racing the end of the session changes nothing.
        }
    }

    /// <summary>The terminal's size as the program sees it.</summary>
    public (ushort Columns, ushort Rows) Size() => _terminal.Size();

    /// <summary>Kills the program and its descendants if they still run, then closes the terminal.</summary>
    public async ValueTask DisposeAsync()
    {
        await ProcessEnd.KillAsync(_process).ConfigureAwait(false);
        // Exited reads the exit code, which a disposed Process no longer has.
        await Exited.ConfigureAwait(false);
        _process.Dispose();
        _terminal.Dispose();
    }

    private static async Task<int> WaitAsync(Process process)
    {
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode;
    }
}
