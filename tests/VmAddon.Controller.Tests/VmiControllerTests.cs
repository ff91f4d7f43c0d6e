using k8s;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Controller.Instances;
using VmAddon.Controller.Tests.Support;
using VmAddon.Core.Launcher;
using VmAddon.Core.Machines;

namespace VmAddon.Controller.Tests;

/// <summary>The VMI controller against the dev API server; the test plays the scheduler, the kubelet and the agent.</summary>
public sealed class VmiControllerTests : ClusterTest
{
    private readonly JumpClock _clock = new();

    [Fact]
    public async Task A_VM_start_makes_one_launcher_pod_then_Scheduling_then_Scheduled_with_the_node_label_in_six_controller_writes()
    {
        Start(new LauncherPodOptions { SoftwareEmulation = true });
        await Cluster.Clients.VirtualMachines.CreateAsync(TestCluster.Vm("web", RunStrategy.Always), CancellationToken.None);

        var scheduling = await Cluster.PhaseAsync("web", VirtualMachineInstancePhase.Scheduling);
        var pod = await Cluster.LauncherAsync(scheduling);
        await Cluster.BindAsync(pod, "node-a");
        var labelled = await Cluster.VmiAsync("web", v => InstanceMetadata.NodeOf(v) == "node-a", "the node label");
        await Cluster.PodPhaseAsync(pod, "Running", ready: true);
        var scheduled = await Cluster.PhaseAsync("web", VirtualMachineInstancePhase.Scheduled);
        var vm = await Cluster.VmAsync("web", v => v.Status?.PrintableStatus == PrintableStatus.Starting, "Starting");

        scheduling.Metadata.Finalizers.Should().Contain(VmAddonMetadata.InstanceFinalizer);
        pod.Metadata.Labels[LauncherPodLabels.CreatedBy].Should().Be(scheduling.Metadata.Uid);
        pod.Metadata.OwnerReferences.Should().ContainSingle(o => o.Uid == scheduling.Metadata.Uid && o.Controller == true);
        pod.Spec.NodeSelector.Should().Contain(VmAddonMetadata.SchedulableNodeLabel, "true");
        (pod.Spec.Containers[0].Resources.Limits ?? new Dictionary<string, ResourceQuantity>()).Keys.Should().NotContain(k => k.Contains("kvm"), "--software-emulation asks for no KVM device");
        labelled.Status!.Phase.Should().Be(VirtualMachineInstancePhase.Scheduling, "a bound pod whose launcher is not ready yet is still scheduling");
        scheduled.Status!.NodeName.Should().Be("node-a");
        scheduled.Status.PhaseTransitionTimestamps!.Select(t => t.Phase).Should().Equal(VirtualMachineInstancePhase.Scheduling, VirtualMachineInstancePhase.Scheduled);
        vm.Status!.Created.Should().BeTrue();
        // Less the test's own writes (the CRDs, the VM, the binding and the pod status); events are counted apart.
        var controllerWrites = ApiWrites.Succeeded(Cluster.Server.Requests, "events", "customresourcedefinitions") - 3;
        controllerWrites.Should().Be(6, "VMI create, VM status, pod create, VMI Scheduling, node label and VMI Scheduled are all it takes:\n" + ApiWrites.Describe(Cluster.Server.Requests));
        (await Cluster.LaunchersAsync(scheduled)).Should().HaveCount(1);
    }

    [Fact]
    public async Task Two_controllers_at_once_make_exactly_one_launcher_pod()
    {
        Start();
        await using var second = new ControllerSet(Cluster.Client, TimeProvider.System);
        var created = await Cluster.Clients.VirtualMachineInstances.CreateAsync(TestCluster.Vmi("twice"), CancellationToken.None);

        await Cluster.PhaseAsync("twice", VirtualMachineInstancePhase.Scheduling);
        await TestHost.Eventually.UntilAsync(() => LauncherPods.Of(second.Pods, created).Count == 1 && LauncherPods.Of(Controllers.Pods, created).Count == 1,
            "both controllers to see the pod");

        (await Cluster.LaunchersAsync(created)).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_controller_restarted_after_creating_the_pod_adopts_it_instead_of_making_another()
    {
        var vmi = await Cluster.Clients.VirtualMachineInstances.CreateAsync(TestCluster.Vmi("restarted"), CancellationToken.None);
        await Cluster.Client.CoreV1.CreateNamespacedPodAsync(LauncherPods.Render(vmi, new LauncherPodOptions()), TestCluster.Ns);

        Start();
        var scheduling = await Cluster.PhaseAsync("restarted", VirtualMachineInstancePhase.Scheduling);

        (await Cluster.LaunchersAsync(scheduling)).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_failed_launcher_pod_fails_the_instance_with_PodFailed()
    {
        Start();
        var vmi = await ScheduledAsync("crash");

        await Cluster.PodPhaseAsync(await Cluster.LauncherAsync(vmi), "Failed");
        var failed = await Cluster.PhaseAsync("crash", VirtualMachineInstancePhase.Failed);

        failed.Status!.Reason.Should().Be(InstancePodPolicy.PodFailedReason);
    }

    [Fact]
    public async Task A_vanished_launcher_pod_fails_the_instance_with_PodDeleted_and_its_finalizer_goes()
    {
        Start();
        await Cluster.Clients.VirtualMachineInstances.CreateAsync(TestCluster.Vmi("lost"), CancellationToken.None);
        var vmi = await Cluster.PhaseAsync("lost", VirtualMachineInstancePhase.Scheduling);

        await Cluster.ForceDeleteAsync(await Cluster.LauncherAsync(vmi));
        var failed = await Cluster.VmiAsync("lost", v => v.Status?.Phase == VirtualMachineInstancePhase.Failed && !InstanceMetadata.HasFinalizer(v), "Failed, finalizer released");

        failed.Status!.Reason.Should().Be(InstancePodPolicy.PodDeletedReason);
    }

    [Fact]
    public async Task An_unschedulable_launcher_shows_on_the_instance_and_as_ErrorUnschedulable_on_the_VM()
    {
        Start();
        await Cluster.Clients.VirtualMachines.CreateAsync(TestCluster.Vm("big", RunStrategy.Always), CancellationToken.None);
        var vmi = await Cluster.PhaseAsync("big", VirtualMachineInstancePhase.Scheduling);

        await Cluster.UnschedulableAsync(await Cluster.LauncherAsync(vmi), "0/2 nodes are available: 2 Insufficient memory.");
        var unschedulable = await Cluster.VmiAsync("big", v => v.Status?.Conditions?.Any(c => c.Type == VirtualMachineInstanceConditionType.PodScheduled) == true, "PodScheduled");
        var vm = await Cluster.VmAsync("big", v => v.Status?.PrintableStatus == PrintableStatus.ErrorUnschedulable, "ErrorUnschedulable");

        var condition = unschedulable.Status!.Conditions!.Single(c => c.Type == VirtualMachineInstanceConditionType.PodScheduled);
        condition.Status.Should().Be("False");
        condition.Reason.Should().Be("Unschedulable");
        condition.Message.Should().Be("0/2 nodes are available: 2 Insufficient memory.");
        vm.Status!.Created.Should().BeTrue();
    }

    [Fact]
    public async Task An_instance_whose_launcher_cannot_be_made_fails_with_FailedCreate_and_others_carry_on()
    {
        Start();
        await Cluster.Clients.VirtualMachineInstances.CreateAsync(TestCluster.Vmi("claim", spec => spec with
        {
            Volumes = [new Volume { Name = "data", PersistentVolumeClaim = new PersistentVolumeClaimSource { ClaimName = "data" } }],
        }), CancellationToken.None);
        await Cluster.Clients.VirtualMachineInstances.CreateAsync(TestCluster.Vmi("fine"), CancellationToken.None);

        var failed = await Cluster.PhaseAsync("claim", VirtualMachineInstancePhase.Failed);
        var fine = await Cluster.PhaseAsync("fine", VirtualMachineInstancePhase.Scheduling);
        var events = (await Cluster.Client.EventsV1.ListNamespacedEventAsync(TestCluster.Ns)).Items;

        failed.Status!.Reason.Should().Be(InstanceStatusPolicy.FailedCreateReason);
        failed.Status.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Failure && c.Message!.Contains("persistentVolumeClaim"));
        (await Cluster.LaunchersAsync(failed)).Should().BeEmpty();
        (await Cluster.LaunchersAsync(fine)).Should().HaveCount(1);
        events.Should().Contain(e => e.Type == "Warning" && e.Reason == InstanceStatusPolicy.FailedCreateReason && e.Regarding.Name == "claim");
    }

    [Fact]
    public async Task Deleting_a_pending_instance_deletes_its_pod_at_once_and_then_the_instance_goes()
    {
        Start();
        await Cluster.Clients.VirtualMachineInstances.CreateAsync(TestCluster.Vmi("early"), CancellationToken.None);
        var vmi = await Cluster.PhaseAsync("early", VirtualMachineInstancePhase.Scheduling);
        await Cluster.LauncherAsync(vmi);

        await Cluster.Clients.VirtualMachineInstances.DeleteAsync(TestCluster.Ns, "early", CancellationToken.None);
        await Cluster.GoneAsync("early");

        (await Cluster.LaunchersAsync(vmi)).Should().BeEmpty();
    }

    [Fact]
    public async Task Deleting_a_running_instance_waits_for_the_agent_to_stop_the_guest_then_deletes_the_pod_and_releases_the_instance()
    {
        Start();
        var vmi = await ScheduledAsync("coop");
        await Cluster.AgentPhaseAsync("coop", VirtualMachineInstancePhase.Running);
        await Cluster.PhaseAsync("coop", VirtualMachineInstancePhase.Running);

        await Cluster.Clients.VirtualMachineInstances.DeleteAsync(TestCluster.Ns, "coop", CancellationToken.None);
        await Cluster.VmiAsync("coop", v => v.Metadata.DeletionTimestamp is not null, "deleting");
        await WaitForControllerToSeeAsync("coop", v => v.Metadata.DeletionTimestamp is not null);
        var podWhileGuestRuns = await Cluster.LauncherAsync(vmi);
        await Cluster.AgentPhaseAsync("coop", VirtualMachineInstancePhase.Succeeded);
        var terminating = await TerminatingLauncherAsync(vmi);
        await Cluster.ForceDeleteAsync(terminating);
        await Cluster.GoneAsync("coop");

        podWhileGuestRuns.Metadata.DeletionTimestamp.Should().BeNull("the agent still runs the guest, so its pod stays");
    }

    [Fact]
    public async Task Deleting_a_running_instance_whose_agent_is_silent_deletes_the_pod_after_the_grace_period()
    {
        Start();
        var vmi = await ScheduledAsync("silent", spec => spec with { TerminationGracePeriodSeconds = 5 });

        await Cluster.Clients.VirtualMachineInstances.DeleteAsync(TestCluster.Ns, "silent", CancellationToken.None);
        await WaitForControllerToSeeAsync("silent", v => v.Metadata.DeletionTimestamp is not null);
        var beforeDeadline = await Cluster.LauncherAsync(vmi);
        _clock.Jump(TimeSpan.FromSeconds(5) + InstanceTeardownPolicy.AgentSilencePadding + TimeSpan.FromSeconds(1));
        var terminating = await TerminatingLauncherAsync(vmi);
        await Cluster.ForceDeleteAsync(terminating);
        await Cluster.GoneAsync("silent");

        beforeDeadline.Metadata.DeletionTimestamp.Should().BeNull();
    }

    [Fact]
    public async Task A_final_instance_loses_its_pod_so_no_QEMU_lingers()
    {
        Start();
        var vmi = await ScheduledAsync("done");

        await Cluster.AgentPhaseAsync("done", VirtualMachineInstancePhase.Succeeded);
        await Cluster.ForceDeleteAsync(await TerminatingLauncherAsync(vmi));
        var released = await Cluster.VmiAsync("done", v => !InstanceMetadata.HasFinalizer(v), "finalizer released");

        released.Status!.Phase.Should().Be(VirtualMachineInstancePhase.Succeeded);
    }

    private void Start(LauncherPodOptions? launcher = null) => Start(_clock, launcher);

    private async Task<VirtualMachineInstance> ScheduledAsync(string name, Func<VirtualMachineInstanceSpec, VirtualMachineInstanceSpec>? edit = null)
    {
        await Cluster.Clients.VirtualMachineInstances.CreateAsync(TestCluster.Vmi(name, edit), CancellationToken.None);
        var vmi = await Cluster.PhaseAsync(name, VirtualMachineInstancePhase.Scheduling);
        var pod = await Cluster.LauncherAsync(vmi);
        await Cluster.BindAsync(pod, "node-a");
        await Cluster.PodPhaseAsync(pod, "Running", ready: true);
        return await Cluster.PhaseAsync(name, VirtualMachineInstancePhase.Scheduled);
    }

    private Task WaitForControllerToSeeAsync(string name, Func<VirtualMachineInstance, bool> until) =>
        TestHost.Eventually.UntilAsync(() => Controllers.Vmis.Get($"{TestCluster.Ns}/{name}") is { } v && until(v) && Controllers.VmiController.Queue.Depth == 0,
            $"the controller to see {name}");

    private async Task<V1Pod> TerminatingLauncherAsync(VirtualMachineInstance vmi)
    {
        V1Pod? pod = null;
        await TestHost.Eventually.UntilAsync(async () => (pod = (await Cluster.LaunchersAsync(vmi)).SingleOrDefault())?.Metadata.DeletionTimestamp is not null,
            "the launcher pod to be deleted");
        return pod!;
    }
}
