using System.Diagnostics;

namespace VmAddon.DevCluster.Nodes.Host;

/// <summary>Runs host tools (ip, useradd, kill) to completion; a failure carries the tool's stderr.</summary>
public static class HostProcess
{
    public static async Task<string> RunAsync(string file, params string[] args)
    {
        var (code, output, error) = await TryRunAsync(file, args).ConfigureAwait(false);
        return code == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {code}: {error.Trim()}");
    }

    public static async Task<(int ExitCode, string Output, string Error)> TryRunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
