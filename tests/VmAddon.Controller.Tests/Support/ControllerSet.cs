using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using VmAddon.Api;
using VmAddon.Controller.Instances;
using VmAddon.Controller.Machines;
using VmAddon.Controller.Nodes;
using VmAddon.Controller.Runtime;
using VmAddon.Core.Launcher;
using VmAddon.Kube.Caching;
using VmAddon.Kube.Clients;
using VmAddon.Kube.Events;

namespace VmAddon.Controller.Tests.Support;

/// <summary>One controller process's worth of caches and the VM, VMI and node controllers, run until disposed.</summary>
internal sealed class ControllerSet : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public ControllerSet(IKubernetes client, TimeProvider time, LauncherPodOptions? launcher = null, NodeControllerOptions? nodes = null)
    {
        var clients = new VmAddonClients(client);
        Vms = CustomResourceCaches.For(clients.VirtualMachines, NullLogger.Instance);
        Vmis = CustomResourceCaches.For(clients.VirtualMachineInstances, NullLogger.Instance);
        Pods = InformerCaches.Pods(client, NullLogger.Instance, LauncherPods.Selector);
        Nodes = InformerCaches.Nodes(client, NullLogger.Instance);
        var events = new EventRecorder(client, new EventRecorderOptions { ReportingController = "vmaddon.io/controller", ReportingInstance = "test" }, time);
        var context = new ControllerContext(time, NullLogger.Instance, events);
        VmController = new VmController(clients, Vms, Vmis, context);
        VmiController = new VmiController(client, clients, Vmis, Pods, Nodes, launcher ?? new LauncherPodOptions(), context);
        NodeController = new NodeController(client, clients, Nodes, Vmis, Pods, nodes ?? new NodeControllerOptions(), context);
        var token = _stop.Token;
        _running = Task.WhenAll(
            Vms.RunAsync(token), Vmis.RunAsync(token), Pods.RunAsync(token), Nodes.RunAsync(token),
            VmController.RunAsync(2, token), VmiController.RunAsync(2, token), NodeController.RunAsync(2, token));
    }

    public InformerCache<VirtualMachine> Vms { get; }

    public InformerCache<VirtualMachineInstance> Vmis { get; }

    public InformerCache<V1Pod> Pods { get; }

    public InformerCache<V1Node> Nodes { get; }

    public VmController VmController { get; }

    public VmiController VmiController { get; }

    public NodeController NodeController { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }
}
