using k8s;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VmAddon.Kube.Clients;
using VmAddon.Kube.Metrics;

namespace VmAddon.Controller.Hosting;

/// <summary>Serves /metrics, /healthz and /readyz and runs one <see cref="ControllerRuntime"/> until the host stops.</summary>
internal sealed partial class ControllerService(
    ControllerOptions options, KubernetesClientConfiguration configuration, TimeProvider time, ILoggerFactory logs, IHostApplicationLifetime lifetime, ControllerExit exit, ILogger<ControllerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var metrics = new VmAddonMetrics();
            using var client = new Kubernetes(configuration.CloseCancelledWatchesAtOnce(), new ApiRequestMetricsHandler(metrics));
            var runtime = new ControllerRuntime(client, options, time, logs, metrics);
            await using var server = await MetricsServer.StartAsync(
                new MetricsServerOptions { Address = options.MetricsListen.Address, Port = options.MetricsListen.Port }, () => runtime.IsReady, stoppingToken).ConfigureAwait(false);
            LogServing(log, server.BaseAddress);
            if (!await runtime.RunAsync(stoppingToken).ConfigureAwait(false))
            {
                LogLostLeadership(log);
                exit.Code = ControllerHost.LostLeadershipExitCode;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping on a signal.
        }
        catch (Exception e)
        {
            LogFailed(log, e);
            exit.Code = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "serving /metrics, /healthz and /readyz at {Address}")]
    private static partial void LogServing(ILogger log, Uri address);

    [LoggerMessage(Level = LogLevel.Error, Message = "lost leadership; exiting so the replica starts over as a candidate")]
    private static partial void LogLostLeadership(ILogger log);

    [LoggerMessage(Level = LogLevel.Critical, Message = "vmaddon-controller failed")]
    private static partial void LogFailed(ILogger log, Exception exception);
}
