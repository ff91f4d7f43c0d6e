using System.Diagnostics;

namespace VmAddon.TestHost;

/// <summary>Runs a host command to completion within a deadline and returns what it printed.</summary>
public static class HostCommand
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromMinutes(2);

    public static async Task<string> RunAsync(string file, params string[] args)
    {
        var (exitCode, output) = await TryRunAsync(file, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"`{file} {string.Join(' ', args)}` exited {exitCode}: {output}");
        }

        return output;
    }

    public static async Task<(int ExitCode, string Output)> TryRunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        using var timeout = new CancellationTokenSource(s_deadline);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{file} {string.Join(' ', args)}` did not finish within {s_deadline}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
