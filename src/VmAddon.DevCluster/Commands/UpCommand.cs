using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace VmAddon.DevCluster.Commands;

/// <summary>vmaddon-dev up: the local cluster in the foreground.</summary>
internal static class UpCommand
{
    public static Command Build()
    {
        var nodes = new Option<int>("--nodes") { Description = "How many nodes (node-1, node-2, ...) when the config names none.", DefaultValueFactory = _ => 2 };
        var dir = ClusterDirectory.Option();
        var config = new Option<string?>("--config") { Description = "A cluster config file (YAML): apiServer.listen, nodes, images, nodeMonitorGracePeriodSeconds." };
        var command = new Command("up", "Start the local cluster: the API server, the scheduler, the node lifecycle controller and the node runners. Ctrl-C stops it.\n\nExample:\n  vmaddon-dev up --nodes 2 --dir out/dev-cluster\n  KUBECONFIG=out/dev-cluster/kubeconfig kubectl get nodes")
        {
            nodes, dir, config,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var repository = ClusterDirectory.RepositoryRoot();
            Cluster.ClusterConfig settings;
            try
            {
                settings = parse.GetValue(config) is { } file ? Cluster.ClusterConfig.Load(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), repository) : Cluster.ClusterConfig.Default(repository);
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                await Console.Error.WriteLineAsync($"error: {parse.GetValue(config)}: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            if (Cluster.LocalCluster.Problem(settings.Listen) is { } problem)
            {
                await Console.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                return 1;
            }

            using var logs = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true));
            return await new Cluster.LocalCluster(new Cluster.ClusterLayout(Path.GetFullPath(parse.GetValue(dir)!)), settings, parse.GetValue(nodes), Console.Out, logs)
                .RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
