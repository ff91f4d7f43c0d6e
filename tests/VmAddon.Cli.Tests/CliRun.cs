namespace VmAddon.Cli.Tests;

/// <summary>Runs kubectl-vm in process with captured streams.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, new CliStreams(new StringReader(stdin), output, error), CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
