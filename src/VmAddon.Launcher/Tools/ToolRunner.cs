using System.ComponentModel;
using System.Diagnostics;
using VmAddon.Launcher.Native;

namespace VmAddon.Launcher.Tools;

/// <summary>Starts external tools without a shell, so no argument is ever re-parsed.</summary>
internal static class ToolRunner
{
    /// <summary>Runs <paramref name="tool"/> to completion; the tool is killed if <paramref name="cancellationToken"/> fires.</summary>
    public static async Task<ProcessResult> RunAsync(ExternalTool tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Start(tool, arguments, redirectOutput: true);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>Starts <paramref name="tool"/> with standard input redirected (so it never reads the launcher's).</summary>
    public static Process Start(ExternalTool tool, IEnumerable<string> arguments, bool redirectOutput, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(tool.Command)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = redirectOutput,
            RedirectStandardError = redirectOutput,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        try
        {
            return OrphanReaper.StartOwned(start) ?? throw new LauncherException($"{tool.Command} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new ToolMissingException(tool, e);
        }
    }
}
