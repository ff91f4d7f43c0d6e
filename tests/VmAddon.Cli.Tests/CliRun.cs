namespace VmAddon.Cli.Tests;

/// <summary>Runs kubectl-vm in process with captured streams.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> RunAsync(string stdin, params string[] args) => RunAsync(stdin, errorIsTerminal: false, args);

    /// <summary>As on a terminal: standard error is a tty, so progress lines show.</summary>
    public static Task<CliRun> RunOnTerminalAsync(params string[] args) => RunAsync("", errorIsTerminal: true, args);

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<CliRun> RunAsync(string stdin, bool errorIsTerminal, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, new CliStreams(new StringReader(stdin), output, error, errorIsTerminal), CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
