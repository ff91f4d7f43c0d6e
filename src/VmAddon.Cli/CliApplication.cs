using System.CommandLine;
using VmAddon.Cli.Cluster;
using VmAddon.Cli.Commands;
using VmAddon.Cli.Completion;

namespace VmAddon.Cli;

/// <summary>The kubectl-vm command tree.</summary>
internal static class CliApplication
{
    public static RootCommand Build(CliStreams streams, TimeProvider? time = null, bool completing = false)
    {
        var flags = new ClusterFlags();
        var context = new CliContext(streams, flags, time ?? TimeProvider.System, completing);
        var root = new RootCommand("kubectl vm: run and manage VmAddon virtual machines, as KubeVirt's virtctl does. validate, render, convert and create need no cluster.")
        {
            StartCommand.Build(context),
            StopCommand.Build(context),
            RestartCommand.Build(context),
            PauseCommand.Build(context, pause: true),
            PauseCommand.Build(context, pause: false),
            ConsoleCommand.Build(context),
            ExposeCommand.Build(context),
            CreateCommand.Build(streams),
            WaitCommand.Build(context),
            VersionCommand.Build(context),
            ValidateCommand.Build(streams),
            RenderCommand.Build(streams),
            ConvertCommand.Build(streams),
            CompletionCommand.Build(streams),
        };
        flags.AddTo(root);
        root.WithExamples("kubectl vm start legacy-app", "kubectl vm console legacy-app", "kubectl vm create vm --name web | kubectl apply -f -");
        var help = HelpText.Install(root);
        root.SetAction(help.Invoke); // a bare kubectl vm shows its commands
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliStreams streams, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        if (args is [CompletionProtocol.Command, .. var words])
        {
            return await CompletionProtocol.RunAsync(Build(streams, time, completing: true), words, streams.Output).ConfigureAwait(false);
        }

        var root = Build(streams, time);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !HelpText.IsHelp(parse.Action))
        {
            // A wrong command line is a usage error (exit 2), with the way to the right one.
            // "Required command was not provided" says nothing next to a misspelt command's own error.
            var errors = parse.Errors.Count > 1 ? parse.Errors.Where(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal)) : parse.Errors;
            foreach (var error in errors)
            {
                await streams.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            var command = string.Join(' ', parse.CommandResult.Command.Parents.OfType<Command>().Reverse().Skip(1).Select(c => c.Name).Append(parse.CommandResult.Command.Name))
                .Replace(root.Name, "", StringComparison.Ordinal).Trim();
            await streams.Error.WriteLineAsync($"See 'kubectl vm {command}{(command.Length > 0 ? " " : "")}--help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = streams.Output, Error = streams.Error }, cancellationToken).ConfigureAwait(false);
    }
}
