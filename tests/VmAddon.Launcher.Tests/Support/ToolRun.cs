using System.Diagnostics;

namespace VmAddon.Launcher.Tests.Support;

/// <summary>Runs a helper program to completion, for a test's own setup and checks.</summary>
internal static class ToolRun
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output, await error);
    }

    public static async Task<string> OutputOfAsync(string program, params string[] arguments)
    {
        var (exitCode, output, error) = await RunAsync(program, arguments);
        exitCode.Should().Be(0, $"{program} {string.Join(' ', arguments)} should succeed: {error}");
        return output;
    }
}
