using System.CommandLine;

namespace VmAddon.DevCluster.Commands;

/// <summary>vmaddon-dev down: stop a local cluster started with up.</summary>
internal static class DownCommand
{
    public static Command Build()
    {
        var dir = ClusterDirectory.Option();
        var command = new Command("down", "Stop a local cluster started with up (its pods, nodes and API server).\n\nExample:\n  vmaddon-dev down --dir out/dev-cluster") { dir };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var layout = new Cluster.ClusterLayout(Path.GetFullPath(parse.GetValue(dir)!));
            if (Cluster.ClusterLayout.ReadPid(layout.UpPid) is { } pid)
            {
                await Nodes.Host.HostProcess.TryRunAsync("kill", "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
                var until = DateTime.UtcNow.AddSeconds(60);
                while (Cluster.ClusterLayout.IsAlive(pid) && DateTime.UtcNow < until)
                {
                    await Task.Delay(100, cancellationToken).ConfigureAwait(false);
                }
            }

            if (File.Exists(layout.State))
            {
                foreach (var node in Cluster.ClusterState.Load(layout).Nodes)
                {
                    await Cluster.RunnerProcesses.StopAsync(layout, node.Name, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                }
            }

            Console.WriteLine($"the local cluster in {layout.Directory} is down");
            return 0;
        });
        return command;
    }
}
