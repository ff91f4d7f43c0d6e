using System.CommandLine;
using VmAddon.Cli.Cluster;

namespace VmAddon.Cli.Commands;

/// <summary>
/// Gives a command that talks to the cluster its action: open the kubeconfig's connection, run, and turn every
/// failure into one "error: ..." line and an exit code. No stack trace reaches the user for a cluster, network or
/// usage failure.
/// </summary>
internal static class OnlineCommand
{
    public static Command WithAction(this Command command, CliContext context, Func<ParseResult, ClusterConnection, CancellationToken, Task<int>> run)
    {
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse, run, cancellationToken));
        return command;
    }

    /// <summary>Opens the connection and runs <paramref name="run"/>, turning its failures into one line and an exit code.</summary>
    public static async Task<int> RunAsync(CliContext context, ParseResult parse, Func<ParseResult, ClusterConnection, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        var server = "(no kubeconfig)";
        try
        {
            using var cluster = ClusterConnection.Open(context.Flags.Read(parse));
            server = cluster.Server;
            return await run(parse, cluster, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Streams.Error.WriteLineAsync("interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (ApiErrors.Describe(e, server) is { } message)
        {
            await context.Streams.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
            return e is CliException cli ? cli.ExitCode : ExitCodes.Failure;
        }
    }

    /// <summary>Adds the symbols and returns the command, for building commands in one expression.</summary>
    public static Command With(this Command command, params Symbol[] symbols)
    {
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Add(option);
                    break;
                case Argument argument:
                    command.Add(argument);
                    break;
                case Command sub:
                    command.Add(sub);
                    break;
            }
        }

        return command;
    }
}
