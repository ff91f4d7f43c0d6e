using k8s;
using VmAddon.Api;

namespace VmAddon.E2E.Tests;

/// <summary>
/// Losing a node: its VM runs again on the other node, but only once fencing confirms the old launcher pod is gone,
/// so two instances never run at once. Its own cluster (nodes 141–142), since the test breaks a node.
/// </summary>
[Trait("Category", "E2E")]
public sealed class NodeLossTests
{
    [Fact]
    public async Task A_lost_nodes_VM_runs_again_on_the_other_node_only_after_fencing_and_never_twice_at_once()
    {
        await using var e2e = await E2ECluster.StartAsync(firstNodeIndex: 141, new E2EClusterOptions { NodeMonitorGraceSeconds = 8 });
        await e2e.ApplyAsync(GuestManifests.Vm("survivor", graceSeconds: 10));
        await e2e.WaitForVmAsync("survivor", PrintableStatus.Running);
        var first = (await e2e.VmiAsync("survivor"))!;
        var lost = first.Status!.NodeName!;
        var other = E2ECluster.Nodes.Single(n => n != lost);

        using var sampling = new CancellationTokenSource();
        var mostAtOnce = SampleQemuCountAsync("survivor", sampling.Token);
        try
        {
            // The node dies whole: its agent with it (a crash), then its kubelet and pods.
            await e2e.StopAgentAsync(lost, "KILL");
            await e2e.Cluster.RunAsync("node", "stop", lost);
            await e2e.WaitUntilAsync(async () => (await e2e.Client.CoreV1.ReadNodeAsync(lost)).Status.Conditions.Single(c => c.Type == "Ready").Status != "True",
                $"{lost} to be NotReady", TimeSpan.FromSeconds(90));

            // Past the controller's node monitor timeout, the launcher pod still exists (nobody confirmed it gone), so nothing moves.
            await Task.Delay(TimeSpan.FromSeconds(10));
            var fenced = (await e2e.VmiAsync("survivor"))!;
            fenced.Metadata.Uid.Should().Be(first.Metadata.Uid, "no new VMI may start before the old pod is confirmed gone");
            fenced.Status!.Phase.Should().NotBe(VirtualMachineInstancePhase.Failed);

            // The administrator confirms the node is down: the out-of-service taint lets its pods be force-deleted.
            await e2e.Kubectl.SucceedAsync($"taint node {lost} node.kubernetes.io/out-of-service=nodeshutdown:NoExecute");
            await e2e.WaitUntilAsync(async () => await e2e.VmiAsync("survivor") is { } vmi && vmi.Metadata.Uid != first.Metadata.Uid
                    && vmi.Status?.Phase == VirtualMachineInstancePhase.Running,
                "the VM to run again with a new VMI", E2ECluster.BootGuard);
            (await e2e.VmiAsync("survivor"))!.Status!.NodeName.Should().Be(other);
            (await E2ECluster.QemuPidsAsync("survivor")).Should().ContainSingle();
        }
        finally
        {
            await sampling.CancelAsync();
        }

        var (most, seen) = await mostAtOnce;
        most.Should().Be(1, $"two QEMU processes of one VM must never run at the same time; seen:\n{seen}");
        var events = await e2e.Client.CoreV1.ListNamespacedEventAsync("default");
        events.Items.Should().Contain(e => e.Reason == "NodeUnresponsive" || e.Message.Contains("NodeUnresponsive", StringComparison.Ordinal),
            "the old VMI failed because its node was unresponsive");
    }

    /// <summary>The most QEMU processes of the VM seen at any one sample, until cancelled, with what each such sample saw.</summary>
    private static async Task<(int Most, string Seen)> SampleQemuCountAsync(string vm, CancellationToken cancellationToken)
    {
        var most = 0;
        var seen = new System.Text.StringBuilder();
        while (!cancellationToken.IsCancellationRequested)
        {
            var pids = await E2ECluster.QemuPidsAsync(vm);
            most = Math.Max(most, pids.Count);
            if (pids.Count > 1)
            {
                var (_, ps) = await HostCommand.TryRunAsync("ps", "-o", "pid,ppid,lstart,stat,args", "-p", string.Join(',', pids));
                seen.Append(DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append('\n').Append(ps).Append('\n');
            }

            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (most, seen.ToString());
    }
}
