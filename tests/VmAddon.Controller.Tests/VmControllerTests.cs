using k8s;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Controller.Tests.Support;
using VmAddon.Core.Machines;

namespace VmAddon.Controller.Tests;

/// <summary>The VM controller against the dev API server: run strategies turn into VMIs created and deleted, and status.</summary>
public sealed class VmControllerTests : ClusterTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Start(TimeProvider.System);
    }

    [Fact]
    public async Task Always_creates_one_owned_instance_and_halted_deletes_it()
    {
        await Cluster.Clients.VirtualMachines.CreateAsync(TestCluster.Vm("web", RunStrategy.Always), CancellationToken.None);

        var vmi = await Cluster.VmiAsync("web", _ => true, "to exist");
        var starting = await WaitForStatusAsync("web", PrintableStatus.Starting);
        await Cluster.Clients.VirtualMachines.PatchAsync("default", "web", new V1Patch("{\"spec\":{\"runStrategy\":\"Halted\"}}", V1Patch.PatchType.MergePatch), CancellationToken.None);
        await Cluster.GoneAsync("web");
        var stopped = await WaitForStatusAsync("web", PrintableStatus.Stopped);
        var all = await Cluster.Clients.VirtualMachineInstances.ListAsync("default", null, CancellationToken.None);
        var events = await EventsAsync();

        vmi.Metadata.OwnerReferences.Should().ContainSingle(o => o.Kind == "VirtualMachine" && o.Name == "web" && o.Controller == true);
        vmi.Metadata.Finalizers.Should().Contain(VmAddonMetadata.InstanceFinalizer, "the VM controller creates the instance with the VMI controller's finalizer");
        starting.Status!.Created.Should().BeTrue();
        starting.Status.ObservedGeneration.Should().Be(1);
        stopped.Status!.Created.Should().BeFalse();
        all.Items.Should().BeEmpty();
        events.Should().Contain(e => e.Reason == "SuccessfulCreate" && e.Regarding.Kind == "VirtualMachine");
        events.Should().Contain(e => e.Reason == "SuccessfulDelete" && e.Regarding.Kind == "VirtualMachine");
    }

    [Fact]
    public async Task Manual_starts_on_a_start_request_and_consumes_it()
    {
        await Cluster.Clients.VirtualMachines.CreateAsync(TestCluster.Vm("manual", RunStrategy.Manual), CancellationToken.None);
        await WaitForStatusAsync("manual", PrintableStatus.Stopped);

        await Cluster.Clients.VirtualMachines.PatchStatusAsync("default", "manual",
            new V1Patch("{\"status\":{\"stateChangeRequests\":[{\"action\":\"Start\"}]}}", V1Patch.PatchType.MergePatch), CancellationToken.None);
        await Cluster.VmiAsync("manual", _ => true, "to exist");
        var started = await WaitForStatusAsync("manual", PrintableStatus.Starting);

        started.Status!.StateChangeRequests.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task Stop_then_start_requests_restart_an_always_vm_with_a_new_instance()
    {
        await Cluster.Clients.VirtualMachines.CreateAsync(TestCluster.Vm("always", RunStrategy.Always), CancellationToken.None);
        var old = await Cluster.VmiAsync("always", _ => true, "to exist");

        await RequestAsync("always", $"[{{\"action\":\"Stop\",\"uid\":\"{old.Metadata.Uid}\"}},{{\"action\":\"Start\"}}]");
        var restarted = await Cluster.VmiAsync("always", v => v.Metadata.Uid != old.Metadata.Uid, "a new instance");
        var vm = await Cluster.VmAsync("always", v => v.Status?.StateChangeRequests is null or { Count: 0 }, "its requests consumed");
        var events = await EventsAsync();

        restarted.Metadata.Uid.Should().NotBe(old.Metadata.Uid);
        vm.Spec.RunStrategy.Should().Be(RunStrategy.Always);
        events.Should().Contain(e => e.Reason == "SuccessfulDelete" && e.Note.Contains(old.Metadata.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_paused_start_request_switches_a_halted_vm_to_always_and_creates_its_instance_paused()
    {
        await Cluster.Clients.VirtualMachines.CreateAsync(TestCluster.Vm("halted", RunStrategy.Halted), CancellationToken.None);
        await WaitForStatusAsync("halted", PrintableStatus.Stopped);

        await RequestAsync("halted", "[{\"action\":\"Start\",\"data\":{\"paused\":\"true\"}}]");
        var vmi = await Cluster.VmiAsync("halted", _ => true, "to exist");
        var vm = await Cluster.VmAsync("halted", v => v.Status?.StateChangeRequests is null or { Count: 0 }, "its request consumed");

        vm.Spec.RunStrategy.Should().Be(RunStrategy.Always, "KubeVirt starts a Halted VM by switching it to Always");
        vmi.Spec.StartStrategy.Should().Be(StartStrategy.Paused);
    }

    [Fact]
    public async Task An_invalid_VM_gets_a_Failure_condition_naming_the_field_and_a_Warning_event_and_no_instance()
    {
        var vm = TestCluster.Vm("broken", RunStrategy.Always, spec => spec with
        {
            Domain = spec.Domain with { Devices = new Devices { Disks = [new Disk { Name = "root" }] } },
        });
        await Cluster.Clients.VirtualMachines.CreateAsync(vm, CancellationToken.None);

        var failed = await Cluster.VmAsync("broken", v => v.Status?.Conditions?.Any(c => c.Type == MachineConditions.Failure) == true, "a Failure condition");
        var instances = await Cluster.Clients.VirtualMachineInstances.ListAsync("default", null, CancellationToken.None);
        var events = await EventsAsync();

        var failure = failed.Status!.Conditions!.Single(c => c.Type == MachineConditions.Failure);
        failure.Status.Should().Be("True");
        failure.Reason.Should().Be(MachineConditions.InvalidSpecReason);
        failure.Message.Should().Contain("spec.template.spec.domain.devices.disks[0]");
        instances.Items.Should().BeEmpty();
        events.Should().Contain(e => e.Type == "Warning" && e.Reason == MachineConditions.InvalidSpecReason && e.Regarding.Name == "broken");
    }

    [Fact]
    public async Task Ready_mirrors_the_instance_and_RestartRequired_follows_a_template_change_but_not_a_strategy_change()
    {
        await Cluster.Clients.VirtualMachines.CreateAsync(TestCluster.Vm("app", RunStrategy.Always), CancellationToken.None);
        await Cluster.VmiAsync("app", _ => true, "to exist");
        await Cluster.Clients.VirtualMachineInstances.PatchStatusAsync("default", "app", new V1Patch(
            "{\"status\":{\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}", V1Patch.PatchType.MergePatch), CancellationToken.None);
        var ready = await Cluster.VmAsync("app", v => IsTrue(v, MachineConditions.Ready), "Ready");

        await Cluster.Clients.VirtualMachines.PatchAsync("default", "app", new V1Patch("{\"spec\":{\"runStrategy\":\"RerunOnFailure\"}}", V1Patch.PatchType.MergePatch), CancellationToken.None);
        var strategyOnly = await Cluster.VmAsync("app", v => v.Status?.ObservedGeneration == 2, "generation 2 observed");
        await Cluster.Clients.VirtualMachines.PatchAsync("default", "app", new V1Patch(
            "{\"spec\":{\"template\":{\"spec\":{\"domain\":{\"memory\":{\"guest\":\"128Mi\"}}}}}}", V1Patch.PatchType.MergePatch), CancellationToken.None);
        var changed = await Cluster.VmAsync("app", v => IsTrue(v, MachineConditions.RestartRequired), "RestartRequired");

        ready.Status!.Ready.Should().BeTrue();
        strategyOnly.Status!.Conditions.Should().NotContain(c => c.Type == MachineConditions.RestartRequired);
        changed.Status!.PrintableStatus.Should().Be(PrintableStatus.Running, "a stale template does not stop the running instance");
    }

    // As kubectl vm writes them: into the status, for the VM controller to carry out.
    private Task RequestAsync(string vm, string requestsJson) => Cluster.Clients.VirtualMachines.PatchStatusAsync("default", vm,
        new V1Patch($"{{\"status\":{{\"stateChangeRequests\":{requestsJson}}}}}", V1Patch.PatchType.MergePatch), CancellationToken.None);

    private static bool IsTrue(VirtualMachine vm, string type) => vm.Status?.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;

    private async Task<IList<Eventsv1Event>> EventsAsync() => (await Cluster.Client.EventsV1.ListNamespacedEventAsync("default")).Items;

    private Task<VirtualMachine> WaitForStatusAsync(string name, string status) => Cluster.VmAsync(name, v => v.Status?.PrintableStatus == status, status);
}
