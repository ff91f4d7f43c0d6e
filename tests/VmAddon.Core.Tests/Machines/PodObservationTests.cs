using k8s.Models;
using VmAddon.Core.Machines;

namespace VmAddon.Core.Tests.Machines;

public sealed class PodObservationTests
{
    [Fact]
    public void An_unbound_pod_the_scheduler_rejected_carries_its_message()
    {
        var pod = Pod(null, "Pending", new V1PodCondition { Type = "PodScheduled", Status = "False", Reason = "Unschedulable", Message = "0/2 nodes" });

        PodObservation.Of(pod).Should().Be(new PodObservation("Pending", null, false, "0/2 nodes", false));
    }

    [Fact]
    public void A_bound_running_ready_pod_is_ready_on_its_node()
    {
        var pod = Pod("node-a", "Running", new V1PodCondition { Type = "Ready", Status = "True" });
        pod.Metadata.DeletionTimestamp = DateTime.UtcNow;

        PodObservation.Of(pod).Should().Be(new PodObservation("Running", "node-a", true, null, true));
    }

    private static V1Pod Pod(string? node, string phase, V1PodCondition condition) => new()
    {
        Metadata = new V1ObjectMeta { Name = "p" },
        Spec = new V1PodSpec { NodeName = node },
        Status = new V1PodStatus { Phase = phase, Conditions = [condition] },
    };
}
