using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using VmAddon.DevCluster.Http;

namespace VmAddon.DevCluster;

/// <summary>vmaddon-dev: the local control plane. <c>vmaddon-dev api</c> runs the Kubernetes-compatible API server in the foreground.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => Build().Parse(args).InvokeAsync();

    public static RootCommand Build()
    {
        var root = new RootCommand("vmaddon-dev: a local Kubernetes-compatible control plane for developing and testing VmAddon.");
        root.Add(ApiCommand());
        root.Add(UpCommand());
        root.Add(NodeCommand());
        root.Add(DownCommand());
        return root;
    }

    private static Option<string> DirOption() =>
        new("--dir") { Description = "The cluster's directory: kubeconfig, state, node files and logs.", DefaultValueFactory = _ => "out/dev-cluster" };

    private static Command UpCommand()
    {
        var nodes = new Option<int>("--nodes") { Description = "How many nodes (node-1, node-2, ...) when the config names none.", DefaultValueFactory = _ => 2 };
        var dir = DirOption();
        var config = new Option<string?>("--config") { Description = "A cluster config file (YAML): apiServer.listen, nodes, images, nodeMonitorGracePeriodSeconds." };
        var command = new Command("up", "Start the local cluster: the API server, the scheduler, the node lifecycle controller and the node runners. Ctrl-C stops it.\n\nExample:\n  vmaddon-dev up --nodes 2 --dir out/dev-cluster\n  KUBECONFIG=out/dev-cluster/kubeconfig kubectl get nodes")
        {
            nodes, dir, config,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var repository = RepositoryRoot();
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

    private static Command NodeCommand()
    {
        var node = new Command("node", "Lose and bring back nodes of a running local cluster.");
        Command Verb(string name, string description, Func<Cluster.ClusterLayout, string, CancellationToken, Task<int>> action, bool hidden = false)
        {
            var nodeName = new Argument<string>("NAME") { Description = "The node, such as node-1." };
            var dir = DirOption();
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

    private static Command DownCommand()
    {
        var dir = DirOption();
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

    // The repository the build lives in (for the default image map), else the current directory.
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VmAddon.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static Command ApiCommand()
    {
        var listen = new Option<string>("--listen") { Description = "Address and port to serve on, loopback only (port 0 picks one).", DefaultValueFactory = _ => "127.0.0.1:6443" };
        var kubeconfig = new Option<string>("--kubeconfig") { Description = "Write a kubeconfig for kubectl and KubernetesClient here.", Required = true };
        var dataDir = new Option<string?>("--data-dir") { Description = "Persist objects here and reload them on start (default: in memory)." };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Debug logs one line per request.", DefaultValueFactory = _ => LogLevel.Information };
        var command = new Command("api", "Run the dev API server in the foreground until SIGINT or SIGTERM.\n\nExample:\n  vmaddon-dev api --listen 127.0.0.1:6443 --kubeconfig out/dev/kubeconfig\n  KUBECONFIG=out/dev/kubeconfig kubectl get ns")
        {
            listen, kubeconfig, dataDir, logLevel,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!IPEndPoint.TryParse(parse.GetValue(listen)!, out var endPoint) || !IPAddress.IsLoopback(endPoint.Address))
            {
                await Console.Error.WriteLineAsync($"error: --listen {parse.GetValue(listen)}: give a loopback address and port, such as 127.0.0.1:6443").ConfigureAwait(false);
                return 2;
            }

            var level = parse.GetValue(logLevel);
            await using var server = await ApiServer.StartAsync(
                new ApiServerOptions { Listen = endPoint, DataDirectory = parse.GetValue(dataDir) },
                logging => logging.SetMinimumLevel(level).AddFilter("Microsoft", LogLevel.Warning).AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss.fff ";
                    o.ColorBehavior = LoggerColorBehavior.Disabled;
                }),
                cancellationToken).ConfigureAwait(false);
            var path = parse.GetValue(kubeconfig)!;
            Kubeconfig.Write(path, server.BaseAddress);
            Console.WriteLine($"vmaddon-dev api: serving {server.BaseAddress} (Kubernetes v1.{DiscoveryDocuments.Minor}); kubeconfig written to {path}");
            Console.WriteLine($"  try: KUBECONFIG={path} kubectl get namespaces");
            await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine("vmaddon-dev api: stopped");
            return 0;
        });
        return command;
    }
}
