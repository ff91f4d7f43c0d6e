using System.CommandLine;
using VmAddon.Cli.Completion;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm completion bash|zsh</c>: prints the shell's completion script.</summary>
internal static class CompletionCommand
{
    public static Command Build(CliStreams streams)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh.", HelpName = "bash|zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var help = "Print a completion script for kubectl-vm: subcommands, flags, and VM names from the cluster. For kubectl vm <TAB>, put bin/kubectl_complete-vm on your PATH too (make build writes it next to kubectl-vm).";
        var command = new Command("completion", help).WithExamples("source <(kubectl vm completion bash)", "kubectl vm completion zsh > \"${fpath[1]}/_kubectl-vm\"").With(shell);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var script = parse.GetValue(shell) == "zsh" ? CompletionScripts.Zsh : CompletionScripts.Bash;
            await streams.Output.WriteAsync(script.AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
