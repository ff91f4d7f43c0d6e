using k8s;
using Microsoft.Extensions.Logging;
using System.Reflection;
using VmAddon.Api;
using VmAddon.Controller.Instances;
using VmAddon.Controller.Machines;
using VmAddon.Controller.Nodes;
using VmAddon.Controller.Runtime;
using VmAddon.Kube.Caching;
using VmAddon.Kube.Clients;
using VmAddon.Kube.Events;
using VmAddon.Kube.Leadership;
using VmAddon.Kube.Metrics;

namespace VmAddon.Controller.Hosting;

/// <summary>
/// One replica of vmaddon-controller: it campaigns for the Lease (unless leader election is off) and, while it leads,
/// runs the caches and the VM, VMI and node controllers. A standby replica makes no writes at all.
/// </summary>
public sealed partial class ControllerRuntime(IKubernetes client, ControllerOptions options, TimeProvider time, ILoggerFactory logs, VmAddonMetrics? metrics = null)
{
    /// <summary>This build's version (the informational version, with its commit), kept on the leader Lease for kubectl vm version.</summary>
    public static readonly string ControllerVersion =
        typeof(ControllerRuntime).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly ILogger _log = logs.CreateLogger<ControllerRuntime>();
    private readonly string _identity = Environment.MachineName + "_" + Guid.NewGuid().ToString("N")[..8];
    private volatile bool _leading;
    private volatile bool _synced;

    /// <summary>Whether this replica leads and runs the controllers now.</summary>
    public bool IsLeader => _leading;

    /// <summary>This replica's holderIdentity on the Lease.</summary>
    public string Identity => _identity;

    /// <summary>/readyz: a standby replica is ready; a leader once its caches have synced.</summary>
    public bool IsReady => !_leading || _synced;

    /// <summary>
    /// Runs until cancelled, and returns true; or returns false when leadership was lost, after which the process
    /// should exit so that it starts over as a candidate (as client-go controllers do).
    /// </summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.LeaderElect)
        {
            await LeadAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        var elector = new LeaderElector(client, new LeaderElectionOptions
        {
            LeaseNamespace = options.LeaderElectionNamespace,
            LeaseName = ControllerOptions.LeaseName,
            Identity = _identity,
            LeaseDuration = options.Lease.Duration,
            RenewDeadline = options.Lease.RenewDeadline,
            RetryPeriod = options.Lease.RetryPeriod,
            Annotations = new Dictionary<string, string> { [VmAddonMetadata.ControllerVersionAnnotation] = ControllerVersion },
        }, time, logs.CreateLogger<LeaderElector>());
        LogCampaigning(_log, _identity, options.LeaderElectionNamespace, ControllerOptions.LeaseName);
        await elector.RunAsync(LeadAsync, () => { }, cancellationToken).ConfigureAwait(false);
        return cancellationToken.IsCancellationRequested;
    }

    private async Task LeadAsync(CancellationToken cancellationToken)
    {
        _leading = true;
        try
        {
            var clients = new VmAddonClients(client);
            var cacheLog = logs.CreateLogger("VmAddon.Controller.Caches");
            var vms = CustomResourceCaches.For(clients.VirtualMachines, cacheLog);
            var vmis = CustomResourceCaches.For(clients.VirtualMachineInstances, cacheLog);
            var pods = InformerCaches.Pods(client, cacheLog, LauncherPods.Selector);
            var nodes = InformerCaches.Nodes(client, cacheLog);
            var events = new EventRecorder(client, new EventRecorderOptions { ReportingController = "vmaddon.io/controller", ReportingInstance = _identity }, time,
                logs.CreateLogger<EventRecorder>());
            ControllerContext Context(string name) => new(time, logs.CreateLogger("VmAddon.Controller." + name), events, metrics);
            var vmController = new VmController(clients, vms, vmis, Context(VmController.Name));
            var vmiController = new VmiController(client, clients, vmis, pods, nodes, options.Launcher, Context(VmiController.Name));
            var nodeController = new NodeController(client, clients, nodes, vmis, pods, options.Nodes, Context(NodeController.Name));
            _ = Task.WhenAll(vms.WaitForSyncAsync(cancellationToken), vmis.WaitForSyncAsync(cancellationToken), pods.WaitForSyncAsync(cancellationToken),
                nodes.WaitForSyncAsync(cancellationToken)).ContinueWith(t => _synced = t.IsCompletedSuccessfully, TaskScheduler.Default);
            LogLeading(_log, _identity, options.Workers);
            await Task.WhenAll(
                vms.RunAsync(cancellationToken), vmis.RunAsync(cancellationToken), pods.RunAsync(cancellationToken), nodes.RunAsync(cancellationToken),
                vmController.RunAsync(options.Workers, cancellationToken), vmiController.RunAsync(options.Workers, cancellationToken),
                nodeController.RunAsync(options.Workers, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            _leading = false;
            _synced = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} campaigns for lease {Namespace}/{Lease}")]
    private static partial void LogCampaigning(ILogger log, string identity, string @namespace, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} leads: running the vm, vmi and node controllers with {Workers} workers each")]
    private static partial void LogLeading(ILogger log, string identity, int workers);
}
