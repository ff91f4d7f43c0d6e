using k8s;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using VmAddon.Agent.Emulation;
using VmAddon.Agent.Guests;
using VmAddon.Agent.Logging;
using VmAddon.Agent.Nodes;
using VmAddon.Api;
using VmAddon.Kube.Caching;
using VmAddon.Kube.Clients;
using VmAddon.Kube.Events;
using VmAddon.Kube.Metrics;
using VmAddon.Kube.Status;

namespace VmAddon.Agent.Hosting;

/// <summary>
/// The agent's one hosted service: a first heartbeat, the KVM decision, then the caches of this node's VMIs and pods,
/// the guest controller, the heartbeat loop and the metrics endpoints, until the host stops.
/// </summary>
internal sealed class AgentService(
    AgentOptions options, IKubernetes client, VmAddonMetrics metrics, AgentExitCode exitCode, IHostApplicationLifetime lifetime, TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _log = loggers.CreateLogger("VmAddon.Agent");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            AgentLog.Crashed(_log, e);
            exitCode.Value = 1;
            lifetime.StopApplication();
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var heartbeat = new NodeHeartbeat(client, options.Node, options.HeartbeatInterval, time, _log);
        // The first beat comes before anything else, so the node is offered for VMs as soon as its agent answers;
        // an API server that is still starting gets a few tries.
        await new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 5, Delay = TimeSpan.FromMilliseconds(500), BackoffType = DelayBackoffType.Exponential })
            .Build()
            .ExecuteAsync(async ct => await heartbeat.BeatAsync(ct).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
        var softwareEmulation = await KvmProbeRunner.SoftwareEmulationAsync(options, _log, stoppingToken).ConfigureAwait(false);
        AgentLog.Starting(_log, options.Node, options.Hypervisor, softwareEmulation);

        var clients = new VmAddonClients(client);
        var vmis = CustomResourceCaches.For(clients.VirtualMachineInstances, _log, $"{VmAddonMetadata.NodeNameLabel}={options.Node}", time);
        // The pods bound to this node; the launchers among them are found by their created-by label.
        var pods = InformerCaches.Pods(client, _log, time: time, fieldSelector: $"spec.nodeName={options.Node}");
        var status = new StatusUpdater<VirtualMachineInstance, VirtualMachineInstanceStatus>(clients.VirtualMachineInstances, timeProvider: time);
        var events = new EventRecorder(client, new EventRecorderOptions { ReportingController = "vmaddon.io/agent", ReportingInstance = options.Node }, time,
            loggers.CreateLogger<EventRecorder>());
        await using var controller = new GuestController(options, softwareEmulation, vmis, pods, status, events, metrics, time, _log);
        await using var server = options.MetricsListen is { } listen
            ? await MetricsServer.StartAsync(new MetricsServerOptions { Address = listen.Address, Port = listen.Port }, () => vmis.HasSynced && pods.HasSynced, stoppingToken)
                .ConfigureAwait(false)
            : null;
        if (server is not null)
        {
            AgentLog.MetricsServing(_log, server.BaseAddress);
        }

        await Task.WhenAll(
            vmis.RunAsync(stoppingToken),
            pods.RunAsync(stoppingToken),
            controller.RunAsync(stoppingToken),
            heartbeat.RunAsync(stoppingToken)).ConfigureAwait(false);
    }
}
