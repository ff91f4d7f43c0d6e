using System.CommandLine;
using VmAddon.Cli.Commands;

namespace VmAddon.Cli;

/// <summary>The kubectl-vm command tree.</summary>
internal static class CliApplication
{
    public static RootCommand Build(CliStreams streams)
    {
        var root = new RootCommand("kubectl vm: run and manage VmAddon virtual machines. Offline commands need no cluster.")
        {
            ValidateCommand.Build(streams),
            RenderCommand.Build(streams),
            ConvertCommand.Build(streams),
        };
        return root;
    }

    public static Task<int> RunAsync(string[] args, CliStreams streams, CancellationToken cancellationToken)
    {
        var configuration = new InvocationConfiguration { Output = streams.Output, Error = streams.Error };
        return Build(streams).Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
