using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using VmAddon.DevCluster.Http;

namespace VmAddon.DevCluster.Commands;

/// <summary>vmaddon-dev api: the dev API server alone, in the foreground.</summary>
internal static class ApiCommand
{
    public static Command Build()
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
