using System.Diagnostics;
using System.Text;

namespace VmAddon.TestHost;

/// <summary>
/// Types into the guest's serial console through `vmaddon-launcher console`, as `kubectl vm console` will
/// through pods/exec, and reads the answer; Ctrl+] detaches.
/// </summary>
public sealed class GuestShell : IAsyncDisposable
{
    private const char Detach = '\u001d';
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private GuestShell(Process process)
    {
        _process = process;
        _ = PumpAsync();
    }

    public static GuestShell Attach(string socketHostPath)
    {
        var start = new ProcessStartInfo(Repository.Launcher) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "console", "--socket", socketHostPath })
        {
            start.ArgumentList.Add(arg);
        }

        return new GuestShell(Process.Start(start) ?? throw new InvalidOperationException("could not start the console"));
    }

    /// <summary>Runs a shell command in the guest and returns the line it printed after <paramref name="marker"/>.</summary>
    public async Task<string> RunAsync(string command, string marker, TimeSpan deadline)
    {
        var from = Output.Length;
        await _process.StandardInput.WriteAsync($"\recho {marker}$({command})\r");
        await _process.StandardInput.FlushAsync();
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            // The guest echoes the typed line too; the answer is the marker followed by output, not by "$(".
            var text = Output[from..];
            var start = text.IndexOf(marker, StringComparison.Ordinal);
            while (start >= 0)
            {
                var end = text.IndexOf('\n', start);
                if (end > start && !text[(start + marker.Length)..end].StartsWith("$(", StringComparison.Ordinal))
                {
                    return text[(start + marker.Length)..end].Trim();
                }

                start = text.IndexOf(marker, start + marker.Length, StringComparison.Ordinal);
            }

            if (DateTime.UtcNow > until || _process.HasExited)
            {
                throw new TimeoutException($"no answer to `{command}` within {deadline}. The console said:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Presses Ctrl+] and returns the console's exit code.</summary>
    public async Task<int> DetachAsync()
    {
        await _process.StandardInput.WriteAsync(Detach);
        await _process.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task PumpAsync()
    {
        var buffer = new char[1024];
        int read;
        while ((read = await _process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            lock (_output)
            {
                _output.Append(buffer, 0, read);
            }
        }
    }
}
