namespace VmAddon.Launcher.Tools;

/// <summary>How a finished tool run ended and what it printed.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The last non-empty line of standard error, or of standard output: where tools put their reason.</summary>
    public string Reason =>
        (StandardError + "\n" + StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } lines
            ? lines[^1]
            : $"exit code {ExitCode}";
}
