using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace VmAddon.DevCluster.Commands;

/// <summary>vmaddon-dev node stop|start|run: lose, bring back, or run one node.</summary>
internal static class NodeCommand
{
    public static Command Build()
    {
        var node = new Command("node", "Lose and bring back nodes of a running local cluster.");
        Command Verb(string name, string description, Func<Cluster.ClusterLayout, string, CancellationToken, Task<int>> action, bool hidden = false)
        {
            var nodeName = new Argument<string>("NAME") { Description = "The node, such as node-1." };
            var dir = ClusterDirectory.Option();
            var verb = new Command(name, description) { nodeName, dir };
            verb.Hidden = hidden;
            verb.SetAction(async (parse, cancellationToken) =>
            {
                try
                {
                    return await action(new Cluster.ClusterLayout(Path.GetFullPath(parse.GetValue(dir)!)), parse.GetValue(nodeName)!, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is FileNotFoundException or ArgumentException)
                {
                    await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                    return 1;
                }
            });
            return verb;
        }

        node.Add(Verb("stop", "Simulate losing a node: its runner dies at once and takes its processes with it.\n\nExample:\n  vmaddon-dev node stop node-2 --dir out/dev-cluster", async (layout, name, _) =>
        {
            Cluster.ClusterState.Load(layout).Node(name);
            await Cluster.RunnerProcesses.KillAsync(layout, name).ConfigureAwait(false);
            Console.WriteLine($"node {name} lost: its runner and pods were killed; the node turns NotReady once its lease expires");
            return 0;
        }));
        node.Add(Verb("start", "Bring a stopped node back.\n\nExample:\n  vmaddon-dev node start node-2 --dir out/dev-cluster", (layout, name, _) =>
        {
            Cluster.ClusterState.Load(layout).Node(name);
            if (Cluster.ClusterLayout.ReadPid(layout.RunnerPid(name)) is { } running)
            {
                Console.Error.WriteLine($"error: node {name} already runs (pid {running}); stop it first with vmaddon-dev node stop {name}");
                return Task.FromResult(1);
            }

            var pid = Cluster.RunnerProcesses.Start(layout, name);
            Console.WriteLine($"node {name} started (runner pid {pid}, log {layout.RunnerLog(name)})");
            return Task.FromResult(0);
        }));
        node.Add(Verb("run", "Run one node in the foreground (what up and node start launch).", async (layout, name, cancellationToken) =>
        {
            using var logs = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddFilter("System.Net.Http", LogLevel.Warning)
                .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; o.ColorBehavior = LoggerColorBehavior.Disabled; }));
            return await Cluster.NodeProcess.RunAsync(layout, name, logs, cancellationToken).ConfigureAwait(false);
        }, hidden: true));
        return node;
    }
}
