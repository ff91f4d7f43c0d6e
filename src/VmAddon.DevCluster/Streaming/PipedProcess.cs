using System.Diagnostics;
using VmAddon.DevCluster.Kubelet;

namespace VmAddon.DevCluster.Streaming;

/// <summary>A program with its standard input, output and error on pipes; without stdin it reads end-of-file at once.</summary>
public sealed class PipedProcess : IExecProcess
{
    private readonly Process _process;

    private PipedProcess(Process process, bool stdin)
    {
        _process = process;
        Stdin = stdin ? process.StandardInput.BaseStream : null;
        if (!stdin)
        {
            process.StandardInput.Close();
        }

        Stdout = process.StandardOutput.BaseStream;
        Stderr = process.StandardError.BaseStream;
        Exited = WaitAsync(process);
    }

    public int ProcessId => _process.Id;

    public Stream? Stdin { get; }

    public Stream Stdout { get; }

    public Stream? Stderr { get; }

    public Task<int> Exited { get; }

    /// <summary>Starts the program; throws when it cannot be found or started.</summary>
    public static PipedProcess Start(ProcessCommand command, bool stdin)
    {
        ArgumentNullException.ThrowIfNull(command);
        var info = StartInfo(command, ExecutablePath.Resolve(command), command.Arguments);
        return new PipedProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {command.File}"), stdin);
    }

    /// <summary>Pipes have no window: a no-op.</summary>
    public void Resize(ushort columns, ushort rows)
    {
    }

    /// <summary>Kills the process and its descendants if they still run, and releases the pipes.</summary>
    public async ValueTask DisposeAsync()
    {
        await ProcessEnd.KillAsync(_process).ConfigureAwait(false);
        // Exited reads the exit code, which a disposed Process no longer has.
        await Exited.ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>Redirected stdio (so nothing of this process leaks in), the command's environment and working directory.</summary>
    internal static ProcessStartInfo StartInfo(ProcessCommand command, string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (command.Environment is { } environment)
        {
            info.Environment.Clear();
            foreach (var (name, value) in environment)
            {
                info.Environment[name] = value;
            }
        }

        if (command.WorkingDirectory is { } directory)
        {
            info.WorkingDirectory = directory;
        }

        return info;
    }

    private static async Task<int> WaitAsync(Process process)
    {
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode;
    }
}
