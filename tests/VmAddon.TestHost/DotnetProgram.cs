using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace VmAddon.TestHost;

/// <summary>
/// One of our programs (<c>dotnet NAME.dll ...</c> from the test's own output folder) running in the background, its
/// stdout and stderr kept for assertions and failure messages, stopped by a signal as a user or kubelet would.
/// </summary>
public sealed class DotnetProgram : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DotnetProgram(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything it printed so far, stdout and stderr interleaved by line.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet &lt;assembly&gt;.dll</c> with <paramref name="args"/>; the assembly must be in the test's output folder.</summary>
    public static DotnetProgram Start(string assembly, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new DotnetProgram(assembly, Process.Start(info) ?? throw new InvalidOperationException($"could not start {assembly}"));
    }

    /// <summary>Sends <paramref name="signal"/> (TERM, INT, KILL) and waits up to <paramref name="deadline"/> for the exit; returns the exit code.</summary>
    public async Task<int> StopAsync(string signal, TimeSpan deadline)
    {
        if (!_process.HasExited)
        {
            await HostCommand.TryRunAsync("kill", $"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture));
        }

        using var guard = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Name} did not exit within {deadline} of SIG{signal}; killed it. Its output:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Waits until its output contains <paramref name="text"/>, failing at once (with the output) if it exits first.</summary>
    public Task WaitForOutputAsync(string text, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(
            () => _process.HasExited
                ? throw new InvalidOperationException($"{Name} exited {_process.ExitCode} before printing \"{text}\":\n{Output}")
                : Task.FromResult(Output.Contains(text, StringComparison.Ordinal)),
            $"{Name} to print \"{text}\"", timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await StopAsync("TERM", TimeSpan.FromSeconds(90));
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
