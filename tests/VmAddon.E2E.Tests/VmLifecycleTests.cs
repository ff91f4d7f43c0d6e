using System.Globalization;
using k8s;
using VmAddon.Api;

namespace VmAddon.E2E.Tests;

/// <summary>A VM's life on the local cluster with real QEMU guests: create, reach the page, stop and start, crash and come back.</summary>
[Collection(SharedClusterCollection.Name)]
[Trait("Category", "E2E")]
public sealed class VmLifecycleTests(SharedCluster shared) : IAsyncLifetime
{
    private readonly E2ECluster _e2e = shared.Cluster;

    /// <summary>For guests a test deletes while they may still boot (see <see cref="GuestManifests.Vm"/>).</summary>
    private const int ShortGrace = 10;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Each test's guests go with it: two cores cannot emulate many at once.</summary>
    public Task DisposeAsync() => _e2e.DeleteAllVmsAsync();

    [Fact]
    public async Task A_created_VM_runs_its_guest_whose_banner_is_in_the_launcher_logs_and_whose_page_answers_on_the_pod_IP()
    {
        await _e2e.ApplyAsync(GuestManifests.Vm("web"));
        await _e2e.WaitForVmAsync("web", PrintableStatus.Running);

        var vmi = (await _e2e.VmiAsync("web"))!;
        var pod = (await _e2e.LauncherPodsAsync("web")).Should().ContainSingle().Subject;
        vmi.Status!.Phase.Should().Be(VirtualMachineInstancePhase.Running);
        vmi.Status.NodeName.Should().Be(pod.Spec.NodeName).And.NotBeNull();
        vmi.Metadata.Labels.Should().Contain(VmAddonMetadata.NodeNameLabel, pod.Spec.NodeName);
        vmi.Status.Interfaces.Should().ContainSingle().Which.IpAddress.Should().Be(pod.Status.PodIP);
        vmi.Status.Conditions.Should().Contain(c => c.Type == VirtualMachineInstanceConditionType.SoftwareEmulation && c.Status == ConditionStatus.True);

        await _e2e.WaitForGuestBannerAsync("web");
        var (exitCode, page) = await HostCommand.TryRunAsync("curl", "-sS", "--max-time", "10", "--retry", "30", "--retry-all-errors", "--retry-delay", "1", $"http://{pod.Status.PodIP}:80/");
        exitCode.Should().Be(0, page);
        page.Should().Contain("web");
    }

    [Fact]
    public async Task Halted_shuts_the_guest_down_leaving_no_VMI_and_no_QEMU_and_Always_runs_it_again()
    {
        await _e2e.ApplyAsync(GuestManifests.Vm("halt"));
        await _e2e.WaitForVmAsync("halt", PrintableStatus.Running);
        var first = (await _e2e.VmiAsync("halt"))!.Metadata.Uid;
        await _e2e.WaitForGuestBannerAsync("halt"); // a guest still booting has no one listening to its power button yet

        await _e2e.Kubectl.SucceedAsync("patch vm halt --type merge -p '{\"spec\":{\"runStrategy\":\"Halted\"}}'");
        await _e2e.WaitForVmAsync("halt", PrintableStatus.Stopped);
        await _e2e.WaitUntilAsync(async () => await _e2e.VmiAsync("halt") is null && (await _e2e.LauncherPodsAsync("halt")).Count == 0,
            "the VMI and its launcher pod to be gone", E2ECluster.BootGuard);
        (await E2ECluster.QemuPidsAsync("halt")).Should().BeEmpty();
        var events = (await _e2e.Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.name=halt")).Items;
        events.Should().Contain(e => e.Reason == "ShuttingDown").And.NotContain(e => e.Reason == "Destroyed", "the guest powered off gracefully");

        await _e2e.Kubectl.SucceedAsync("patch vm halt --type merge -p '{\"spec\":{\"runStrategy\":\"Always\"}}'");
        await _e2e.WaitForVmAsync("halt", PrintableStatus.Running);
        (await _e2e.VmiAsync("halt"))!.Metadata.Uid.Should().NotBe(first);
        (await E2ECluster.QemuPidsAsync("halt")).Should().ContainSingle();
    }

    [Fact]
    public async Task Killing_QEMU_brings_an_Always_VM_back_with_a_new_VMI()
    {
        await _e2e.ApplyAsync(GuestManifests.Vm("crash", graceSeconds: ShortGrace));
        await _e2e.WaitForVmAsync("crash", PrintableStatus.Running);
        var first = (await _e2e.VmiAsync("crash"))!.Metadata.Uid;
        var qemu = (await E2ECluster.QemuPidsAsync("crash")).Should().ContainSingle().Subject;

        await HostCommand.RunAsync("kill", "-9", qemu.ToString(CultureInfo.InvariantCulture));

        await _e2e.WaitUntilAsync(async () => await _e2e.VmiAsync("crash") is { } vmi && vmi.Metadata.Uid != first
                && vmi.Status?.Phase == VirtualMachineInstancePhase.Running,
            "a new VMI of the crashed VM to run", E2ECluster.BootGuard);
        (await E2ECluster.QemuPidsAsync("crash")).Should().ContainSingle().Which.Should().NotBe(qemu);
    }

    [Fact]
    public async Task A_RerunOnFailure_guest_that_powers_itself_off_stays_stopped()
    {
        await _e2e.ApplyAsync(GuestManifests.Vm("once-off", runStrategy: RunStrategy.RerunOnFailure, userData: "sleep 2; poweroff"));
        await _e2e.WaitUntilAsync(async () => (await _e2e.VmiAsync("once-off"))?.Status?.Phase == VirtualMachineInstancePhase.Succeeded,
            "the guest to power itself off (VMI Succeeded)", E2ECluster.BootGuard);
        var vmi = (await _e2e.VmiAsync("once-off"))!.Metadata.Uid;
        await _e2e.WaitForVmAsync("once-off", PrintableStatus.Stopped);

        // Stays stopped: give the controller time to (wrongly) start another, then look again.
        await Task.Delay(TimeSpan.FromSeconds(5));
        (await _e2e.VmAsync("once-off"))!.Status!.PrintableStatus.Should().Be(PrintableStatus.Stopped);
        (await _e2e.VmiAsync("once-off"))?.Metadata.Uid.Should().Be(vmi, "no new VMI is started for a guest that stopped by itself");
        (await E2ECluster.QemuPidsAsync("once-off")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_restarted_agent_adopts_the_running_guest_without_restarting_it_or_rewriting_its_status()
    {
        await _e2e.ApplyAsync(GuestManifests.Vm("adopt", graceSeconds: ShortGrace));
        await _e2e.WaitForVmAsync("adopt", PrintableStatus.Running);
        var before = (await _e2e.VmiAsync("adopt"))!;
        var qemu = (await E2ECluster.QemuPidsAsync("adopt")).Should().ContainSingle().Subject;
        var started = await ProcessStartTicksAsync(qemu);

        await _e2e.StopAgentAsync(before.Status!.NodeName!);
        _e2e.StartAgent(before.Status.NodeName!);
        await _e2e.Agent(before.Status.NodeName!).WaitForOutputAsync("adopted its running domain", TimeSpan.FromSeconds(60));

        var after = (await _e2e.VmiAsync("adopt"))!;
        (await E2ECluster.QemuPidsAsync("adopt")).Should().Equal([qemu], "the same QEMU process keeps running the guest");
        (await ProcessStartTicksAsync(qemu)).Should().Be(started);
        after.Status!.Phase.Should().Be(VirtualMachineInstancePhase.Running);
        after.Metadata.ResourceVersion.Should().Be(before.Metadata.ResourceVersion, "an adopting agent finds the status right and writes nothing");
    }

    [Fact]
    public async Task Killing_the_controller_during_creation_still_ends_with_one_VMI_and_one_launcher_pod()
    {
        await _e2e.ApplyAsync(GuestManifests.Vm("restart-ctl", graceSeconds: ShortGrace));
        await _e2e.WaitUntilAsync(async () => await _e2e.VmiAsync("restart-ctl") is not null, "the VMI to be created", TimeSpan.FromSeconds(60));
        await _e2e.StopControllerAsync("KILL");
        _e2e.StartController();

        await _e2e.WaitForVmAsync("restart-ctl", PrintableStatus.Running);
        (await _e2e.Clients.VirtualMachineInstances.ListAsync("default", null, CancellationToken.None)).Items
            .Where(v => v.Metadata.Name == "restart-ctl").Should().ContainSingle();
        (await _e2e.LauncherPodsAsync("restart-ctl")).Should().ContainSingle();
        (await E2ECluster.QemuPidsAsync("restart-ctl")).Should().ContainSingle();
    }

    [Fact]
    public async Task An_invalid_VM_gets_a_Failure_condition_and_a_Warning_event_and_no_pod()
    {
        // The disk names a volume that does not exist: the schema allows it, semantic validation does not.
        await _e2e.ApplyAsync(GuestManifests.Vm("invalid").Replace("- name: seed\n            disk:", "- name: nothing\n            disk:", StringComparison.Ordinal));
        await _e2e.WaitUntilAsync(async () => (await _e2e.VmAsync("invalid"))?.Status?.Conditions?.Any(c => c.Type == "Failure" && c.Status == ConditionStatus.True) == true,
            "a Failure condition on the invalid VM", TimeSpan.FromSeconds(60));

        var failure = (await _e2e.VmAsync("invalid"))!.Status!.Conditions!.Single(c => c.Type == "Failure");
        failure.Message.Should().Contain("nothing");
        var events = await _e2e.Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.name=invalid");
        events.Items.Should().Contain(e => e.Type == "Warning");
        (await _e2e.VmiAsync("invalid")).Should().BeNull();
        (await _e2e.LauncherPodsAsync("invalid")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_VM_whose_nodeSelector_matches_no_node_is_ErrorUnschedulable()
    {
        await _e2e.ApplyAsync(GuestManifests.Vm("nowhere", nodeSelector: "disk: floppy"));

        await _e2e.WaitForVmAsync("nowhere", PrintableStatus.ErrorUnschedulable, TimeSpan.FromSeconds(60));
        (await _e2e.LauncherPodsAsync("nowhere")).Should().ContainSingle().Which.Spec.NodeName.Should().BeNull();
    }

    private static async Task<string> ProcessStartTicksAsync(int pid) =>
        (await File.ReadAllTextAsync($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat")).Split(' ')[21];
}
