using k8s;
using VmAddon.Api;
using VmAddon.Controller.Tests.Support;
using VmAddon.Core.Machines;

namespace VmAddon.Controller.Tests;

/// <summary>The node controller against the dev API server: fencing VMs of a lost node, and stale agent heartbeats.</summary>
public sealed class NodeControllerTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;
    private ControllerSet _controllers = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        _controllers = new ControllerSet(_cluster.Client, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _controllers.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_VM_on_a_lost_node_is_failed_only_once_its_pod_is_gone_and_then_runs_again_elsewhere()
    {
        await _cluster.CreateNodeAsync("node-a", ready: true);
        await _cluster.Clients.VirtualMachines.CreateAsync(TestCluster.Vm("db", RunStrategy.Always), CancellationToken.None);
        var vmi = await _cluster.PhaseAsync("db", VirtualMachineInstancePhase.Scheduling);
        var pod = await _cluster.LauncherAsync(vmi);
        await _cluster.BindAsync(pod, "node-a");
        await _cluster.PodPhaseAsync(pod, "Running", ready: true);
        await _cluster.PhaseAsync("db", VirtualMachineInstancePhase.Scheduled);
        await _cluster.AgentPhaseAsync("db", VirtualMachineInstancePhase.Running);

        // The node went silent five minutes ago, well past the 40 s timeout; its launcher pod is still there.
        await _cluster.NodeReadyAsync("node-a", ready: false, DateTime.UtcNow.AddMinutes(-5));
        await TestHost.Eventually.UntilAsync(() => NodeReadiness.NotReadySince(_controllers.Nodes.Get("node-a")) is not null
            && _controllers.Vmis.Get("default/db")?.Status?.Phase == VirtualMachineInstancePhase.Running, "the controller to see the node lost");
        await _controllers.NodeController.ReconcileAsync("node-a", CancellationToken.None);
        var whilePodExists = await _cluster.Clients.VirtualMachineInstances.GetAsync(TestCluster.Ns, "db", CancellationToken.None);

        // node.kubernetes.io/out-of-service lets the pod be force-deleted: now the VM cannot run twice.
        await _cluster.ForceDeleteAsync(pod);
        var replacement = await _cluster.VmiAsync("db", v => v.Metadata.Uid != vmi.Metadata.Uid, "a new instance");
        var events = (await _cluster.Client.EventsV1.ListNamespacedEventAsync(TestCluster.Ns)).Items;

        whilePodExists!.Status!.Phase.Should().Be(VirtualMachineInstancePhase.Running, "a pod on a lost node may still run its QEMU");
        events.Should().Contain(e => e.Reason == NodeFencing.NodeUnresponsiveReason && e.Regarding.Uid == vmi.Metadata.Uid, "the old instance was failed by fencing");
        (replacement.Metadata.Labels ?? new Dictionary<string, string>()).Should().NotContainKey(VmAddonMetadata.NodeNameLabel, "the new instance is not bound yet");
    }

    [Fact]
    public async Task A_pod_deleted_on_a_lost_node_is_left_to_fencing_not_reported_as_PodDeleted()
    {
        await _cluster.CreateNodeAsync("node-b", ready: true);
        var created = await _cluster.Clients.VirtualMachineInstances.CreateAsync(TestCluster.Vmi("solo"), CancellationToken.None);
        var pod = await _cluster.LauncherAsync(await _cluster.PhaseAsync("solo", VirtualMachineInstancePhase.Scheduling));
        await _cluster.BindAsync(pod, "node-b");
        await _cluster.PodPhaseAsync(pod, "Running", ready: true);
        await _cluster.PhaseAsync("solo", VirtualMachineInstancePhase.Scheduled);

        await _cluster.NodeReadyAsync("node-b", ready: false, DateTime.UtcNow.AddMinutes(-5));
        await TestHost.Eventually.UntilAsync(() => NodeReadiness.NotReadySince(_controllers.Nodes.Get("node-b")) is not null, "the controller to see the node lost");
        await _cluster.ForceDeleteAsync(pod);
        var failed = await _cluster.PhaseAsync("solo", VirtualMachineInstancePhase.Failed);

        failed.Metadata.Uid.Should().Be(created.Metadata.Uid);
        failed.Status!.Reason.Should().Be(NodeFencing.NodeUnresponsiveReason);
    }

    [Fact]
    public async Task A_node_whose_agent_heartbeat_is_stale_takes_no_new_VMs()
    {
        var stale = DateTime.UtcNow.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var fresh = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await _cluster.CreateNodeAsync("quiet", ready: true, heartbeat: stale);
        await _cluster.CreateNodeAsync("lively", ready: true, heartbeat: fresh);

        await TestHost.Eventually.UntilAsync(async () => (await _cluster.Client.CoreV1.ReadNodeAsync("quiet")).Metadata.Labels[VmAddonMetadata.SchedulableNodeLabel] == "false",
            "the quiet node to be unschedulable");
        await TestHost.Eventually.UntilAsync(() => _controllers.Nodes.Get("lively") is not null && _controllers.NodeController.Queue.Depth == 0, "the lively node to be seen");
        await _controllers.NodeController.ReconcileAsync("lively", CancellationToken.None);
        var lively = await _cluster.Client.CoreV1.ReadNodeAsync("lively");

        lively.Metadata.Labels[VmAddonMetadata.SchedulableNodeLabel].Should().Be("true");
    }
}
