using System.CommandLine;
using System.CommandLine.Completions;
using VmAddon.Cli.Cluster;

namespace VmAddon.Cli.Commands;

/// <summary>The NAME argument of the online commands, which completes VM names from the cluster.</summary>
internal static class NameArguments
{
    private static readonly TimeSpan s_completionDeadline = TimeSpan.FromSeconds(3);

    public static Argument<string> Vm(CliContext context, string description = "The VirtualMachine's name.")
    {
        var argument = new Argument<string>("NAME") { Description = description, HelpName = "NAME" }; // HelpName: help must not ask the cluster
        argument.CompletionSources.Add(completion => VmNames(context, completion));
        return argument;
    }

    // Completion must never fail loudly: no cluster, no names.
    private static IEnumerable<CompletionItem> VmNames(CliContext context, CompletionContext completion)
    {
        if (!context.Completing)
        {
            return [];
        }

        try
        {
            using var cluster = ClusterConnection.Open(context.Flags.Read(completion.ParseResult));
            using var deadline = new CancellationTokenSource(s_completionDeadline);
            var list = cluster.VmAddon.VirtualMachines.ListAsync(cluster.Namespace, null, deadline.Token).GetAwaiter().GetResult();
            return [.. list.Items.Select(vm => vm.Metadata.Name).Where(n => n.StartsWith(completion.WordToComplete, StringComparison.Ordinal)).Order()
                .Select(n => new CompletionItem(n))];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [];
        }
    }
}
