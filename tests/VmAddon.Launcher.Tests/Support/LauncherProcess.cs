using System.Diagnostics;
using System.Text;

namespace VmAddon.Launcher.Tests.Support;

/// <summary>The real vmaddon-launcher binary as a child process, with its output captured; killed with its children on dispose.</summary>
internal sealed class LauncherProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private LauncherProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The launcher built next to the tests by the project reference.</summary>
    public static string Binary => Path.Combine(AppContext.BaseDirectory, "vmaddon-launcher");

    public int Id => _process.Id;

    public string Output => Read(_output);

    public string Error => Read(_error);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public StreamWriter Input => _process.StandardInput;

    public static LauncherProcess Start(IEnumerable<string> prefix, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var command = prefix.Append(Binary).Concat(arguments).ToList();
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new LauncherProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the exit within <paramref name="deadline"/>, or fails showing what the launcher logged.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the launcher did not exit within {deadline.TotalSeconds:0} s; it logged:\n{Error}");
        }

        return _process.ExitCode;
    }

    public void Signal(string signal) => Process.Start("kill", ["-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static string Read(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
