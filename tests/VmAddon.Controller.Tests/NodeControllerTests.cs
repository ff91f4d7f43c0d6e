using k8s;
using VmAddon.Api;
using VmAddon.Controller.Tests.Support;
using VmAddon.Core.Machines;

namespace VmAddon.Controller.Tests;

/// <summary>The node controller against the dev API server: fencing VMs of a lost node, and stale agent heartbeats.</summary>
public sealed class NodeControllerTests : ClusterTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Start(TimeProvider.System);
    }

    [Fact]
    public async Task A_VM_on_a_lost_node_is_failed_only_once_its_pod_is_gone_and_then_runs_again_elsewhere()
    {
        await Cluster.CreateNodeAsync("node-a", ready: true);
        await Cluster.Clients.VirtualMachines.CreateAsync(TestCluster.Vm("db", RunStrategy.Always), CancellationToken.None);
        var vmi = await Cluster.PhaseAsync("db", VirtualMachineInstancePhase.Scheduling);
        var pod = await Cluster.LauncherAsync(vmi);
        await Cluster.BindAsync(pod, "node-a");
        await Cluster.PodPhaseAsync(pod, "Running", ready: true);
        await Cluster.PhaseAsync("db", VirtualMachineInstancePhase.Scheduled);
        await Cluster.AgentPhaseAsync("db", VirtualMachineInstancePhase.Running);

        // The node went silent five minutes ago, well past the 40 s timeout; its launcher pod is still there.
        await Cluster.NodeReadyAsync("node-a", ready: false, DateTime.UtcNow.AddMinutes(-5));
        await TestHost.Eventually.UntilAsync(() => NodeReadiness.NotReadySince(Controllers.Nodes.Get("node-a")) is not null
            && Controllers.Vmis.Get("default/db")?.Status?.Phase == VirtualMachineInstancePhase.Running, "the controller to see the node lost");
        await Controllers.NodeController.ReconcileAsync("node-a", CancellationToken.None);
        var whilePodExists = await Cluster.Clients.VirtualMachineInstances.GetAsync(TestCluster.Ns, "db", CancellationToken.None);

        // node.kubernetes.io/out-of-service lets the pod be force-deleted: now the VM cannot run twice.
        await Cluster.ForceDeleteAsync(pod);
        var replacement = await Cluster.VmiAsync("db", v => v.Metadata.Uid != vmi.Metadata.Uid, "a new instance");
        var events = (await Cluster.Client.EventsV1.ListNamespacedEventAsync(TestCluster.Ns)).Items;

        whilePodExists!.Status!.Phase.Should().Be(VirtualMachineInstancePhase.Running, "a pod on a lost node may still run its QEMU");
        events.Should().Contain(e => e.Reason == NodeFencing.NodeUnresponsiveReason && e.Regarding.Uid == vmi.Metadata.Uid, "the old instance was failed by fencing");
        (replacement.Metadata.Labels ?? new Dictionary<string, string>()).Should().NotContainKey(VmAddonMetadata.NodeNameLabel, "the new instance is not bound yet");
    }

    [Fact]
    public async Task A_pod_deleted_on_a_lost_node_is_left_to_fencing_not_reported_as_PodDeleted()
    {
        await Cluster.CreateNodeAsync("node-b", ready: true);
        var created = await Cluster.Clients.VirtualMachineInstances.CreateAsync(TestCluster.Vmi("solo"), CancellationToken.None);
        var pod = await Cluster.LauncherAsync(await Cluster.PhaseAsync("solo", VirtualMachineInstancePhase.Scheduling));
        await Cluster.BindAsync(pod, "node-b");
        await Cluster.PodPhaseAsync(pod, "Running", ready: true);
        await Cluster.PhaseAsync("solo", VirtualMachineInstancePhase.Scheduled);

        await Cluster.NodeReadyAsync("node-b", ready: false, DateTime.UtcNow.AddMinutes(-5));
        await TestHost.Eventually.UntilAsync(() => NodeReadiness.NotReadySince(Controllers.Nodes.Get("node-b")) is not null, "the controller to see the node lost");
        await Cluster.ForceDeleteAsync(pod);
        var failed = await Cluster.PhaseAsync("solo", VirtualMachineInstancePhase.Failed);

        failed.Metadata.Uid.Should().Be(created.Metadata.Uid);
        failed.Status!.Reason.Should().Be(NodeFencing.NodeUnresponsiveReason);
    }

    [Fact]
    public async Task A_node_whose_agent_heartbeat_is_stale_takes_no_new_VMs()
    {
        var stale = DateTime.UtcNow.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var fresh = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await Cluster.CreateNodeAsync("quiet", ready: true, heartbeat: stale);
        await Cluster.CreateNodeAsync("lively", ready: true, heartbeat: fresh);

        await TestHost.Eventually.UntilAsync(async () => (await Cluster.Client.CoreV1.ReadNodeAsync("quiet")).Metadata.Labels[VmAddonMetadata.SchedulableNodeLabel] == "false",
            "the quiet node to be unschedulable");
        await TestHost.Eventually.UntilAsync(() => Controllers.Nodes.Get("lively") is not null && Controllers.NodeController.Queue.Depth == 0, "the lively node to be seen");
        await Controllers.NodeController.ReconcileAsync("lively", CancellationToken.None);
        var lively = await Cluster.Client.CoreV1.ReadNodeAsync("lively");

        lively.Metadata.Labels[VmAddonMetadata.SchedulableNodeLabel].Should().Be("true");
    }
}
