using k8s;
using k8s.Models;
using LibvirtSharp;
using VmAddon.Agent.Tests.Support;
using VmAddon.Api;
using VmAddon.Core.Guests;

namespace VmAddon.Agent.Tests;

/// <summary>The agent drives a VMI's domain on libvirt's test driver and reports it in the VMI's status.</summary>
public sealed class GuestLifecycleTests : IAsyncLifetime
{
    private AgentCluster _cluster = null!;
    private LibvirtConnection _libvirt = null!;

    public async Task InitializeAsync()
    {
        _cluster = await AgentCluster.StartAsync();
        // The test driver's state lives while a connection is open; this one also lets the test look at the domains.
        _libvirt = await LibvirtConnection.OpenAsync("test:///default");
    }

    public async Task DisposeAsync()
    {
        _libvirt.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_scheduled_instance_runs_with_its_node_address_and_conditions_in_one_status_write()
    {
        var name = Unique("start");
        var scheduled = await _cluster.ScheduleAsync(name, "10.244.0.7");
        var writesBefore = _cluster.Server.Requests.Writes(VirtualMachineInstance.Plural);
        await using var agent = InProcessAgent.Start(_cluster.AgentArgs()); // after the count: its first write may come at once

        var vmi = await _cluster.WaitForAsync(name, v => v.Status?.Phase == VirtualMachineInstancePhase.Running, "Running");
        var writes = _cluster.Server.Requests.Writes(VirtualMachineInstance.Plural) - writesBefore;

        vmi.Status!.NodeName.Should().Be(AgentCluster.Node);
        vmi.Status.Interfaces.Should().ContainSingle().Which.IpAddress.Should().Be("10.244.0.7");
        vmi.Status.PhaseTransitionTimestamps!.Select(t => t.Phase).Should().Equal(VirtualMachineInstancePhase.Scheduled, VirtualMachineInstancePhase.Running);
        vmi.Status.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Ready && c.Status == ConditionStatus.True);
        vmi.Status.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.SoftwareEmulation && c.Status == ConditionStatus.True);
        (await StateAsync(name)).Should().Be(DomainState.Running);
        writes.Should().Be(1, "one status write takes the VMI from Scheduled to Running");
        scheduled.Status!.Phase.Should().Be(VirtualMachineInstancePhase.Scheduled);
    }

    [Fact]
    public async Task The_pause_annotation_pauses_the_guest_and_its_removal_resumes_it()
    {
        var name = Unique("pause");
        await using var agent = InProcessAgent.Start(_cluster.AgentArgs());
        await _cluster.ScheduleAsync(name, "10.244.0.8");
        await _cluster.WaitForAsync(name, v => v.Status?.Phase == VirtualMachineInstancePhase.Running, "Running");

        await AnnotateAsync(name, "\"true\"");
        var paused = await _cluster.WaitForAsync(name, v => Has(v, VirtualMachineInstanceConditionType.Paused, ConditionStatus.True), "the Paused condition");
        var pausedState = await StateAsync(name);
        await AnnotateAsync(name, "null");
        var resumed = await _cluster.WaitForAsync(name, v => Has(v, VirtualMachineInstanceConditionType.Ready, ConditionStatus.True), "Ready again");

        paused.Status!.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Paused && c.Reason == GuestReasons.PausedByUser);
        paused.Status.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Ready && c.Status == ConditionStatus.False);
        pausedState.Should().Be(DomainState.Paused);
        resumed.Status!.Conditions.Should().NotContain(c => c.Type == VirtualMachineInstanceConditionType.Paused);
        (await StateAsync(name)).Should().Be(DomainState.Running);
    }

    [Fact]
    public async Task An_instance_asked_to_pause_before_it_started_starts_paused()
    {
        var name = Unique("early");
        await using var agent = InProcessAgent.Start(_cluster.AgentArgs());
        var spec = new VirtualMachineInstanceSpec { Domain = new DomainSpec { Memory = new Memory { Guest = new("64Mi") } } };
        await _cluster.CreateLaunchedAsync("default", name, spec, "10.244.0.16");
        await AnnotateAsync(name, "\"true\"");
        await _cluster.MarkScheduledAsync("default", name);

        await _cluster.WaitForAsync(name, v => Has(v, VirtualMachineInstanceConditionType.Paused, ConditionStatus.True), "the Paused condition");

        (await StateAsync(name)).Should().Be(DomainState.Paused);
    }

    [Fact]
    public async Task A_paused_start_strategy_starts_the_guest_paused_until_the_annotation_says_false()
    {
        var name = Unique("startpaused");
        await using var agent = InProcessAgent.Start(_cluster.AgentArgs());
        var spec = new VirtualMachineInstanceSpec { StartStrategy = StartStrategy.Paused, Domain = new DomainSpec { Memory = new Memory { Guest = new("64Mi") } } };
        await _cluster.CreateLaunchedAsync("default", name, spec, "10.244.0.17");
        await _cluster.MarkScheduledAsync("default", name);

        var paused = await _cluster.WaitForAsync(name, v => Has(v, VirtualMachineInstanceConditionType.Paused, ConditionStatus.True), "the Paused condition");
        var pausedState = await StateAsync(name);
        await AnnotateAsync(name, "\"false\"");
        var resumed = await _cluster.WaitForAsync(name, v => Has(v, VirtualMachineInstanceConditionType.Ready, ConditionStatus.True), "Ready");

        paused.Status!.Phase.Should().Be(VirtualMachineInstancePhase.Running);
        paused.Status.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Paused && c.Reason == GuestReasons.PausedByUser);
        pausedState.Should().Be(DomainState.Paused);
        resumed.Status!.Conditions.Should().NotContain(c => c.Type == VirtualMachineInstanceConditionType.Paused);
        (await StateAsync(name)).Should().Be(DomainState.Running);
    }

    [Fact]
    public async Task Deleting_the_instance_shuts_the_guest_down_and_succeeds_it()
    {
        var name = Unique("delete");
        await using var agent = InProcessAgent.Start(_cluster.AgentArgs());
        await _cluster.ScheduleAsync(name, "10.244.0.9");
        await _cluster.WaitForAsync(name, v => v.Status?.Phase == VirtualMachineInstancePhase.Running, "Running");

        await _cluster.Clients.VirtualMachineInstances.DeleteAsync("default", name, CancellationToken.None);
        var deleted = await _cluster.WaitForAsync(name, v => v.Status?.Phase == VirtualMachineInstancePhase.Succeeded, "Succeeded");

        deleted.Metadata.DeletionTimestamp.Should().NotBeNull("the controller lifts the finalizer once the pod is gone");
        (await StateAsync(name)).Should().NotBe(DomainState.Running).And.NotBe(DomainState.Paused);
        deleted.Status!.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Ready && c.Status == ConditionStatus.False);
    }

    [Fact]
    public async Task A_guest_that_powers_itself_off_succeeds_and_one_that_is_pulled_fails()
    {
        var off = Unique("off");
        var pulled = Unique("pulled");
        await using var agent = InProcessAgent.Start(_cluster.AgentArgs());
        await _cluster.ScheduleAsync(off, "10.244.0.10");
        await _cluster.ScheduleAsync(pulled, "10.244.0.11");
        await _cluster.WaitForAsync(off, v => v.Status?.Phase == VirtualMachineInstancePhase.Running, "Running");
        await _cluster.WaitForAsync(pulled, v => v.Status?.Phase == VirtualMachineInstancePhase.Running, "Running");

        using (var domain = await _libvirt.LookupDomainAsync(GuestDomainXml.DomainName("default", off)))
        {
            await domain.ShutdownAsync(DomainShutdownMethods.None);
        }

        using (var domain = await _libvirt.LookupDomainAsync(GuestDomainXml.DomainName("default", pulled)))
        {
            await domain.DestroyAsync();
        }

        var succeeded = await _cluster.WaitForAsync(off, v => v.Status?.Phase == VirtualMachineInstancePhase.Succeeded, "Succeeded");
        var failed = await _cluster.WaitForAsync(pulled, v => v.Status?.Phase == VirtualMachineInstancePhase.Failed, "Failed");

        succeeded.Status!.Reason.Should().Be(GuestReasons.GuestShutdown);
        failed.Status!.Reason.Should().Be(GuestReasons.Destroyed);
    }

    [Fact]
    public async Task An_instance_whose_spec_cannot_become_a_domain_fails_once_and_others_still_start()
    {
        var broken = Unique("broken");
        var fine = Unique("fine");
        await using var agent = InProcessAgent.Start(_cluster.AgentArgs());
        // No guest memory: the domain renderer refuses it.
        await _cluster.CreateLaunchedAsync("default", broken, new VirtualMachineInstanceSpec { Domain = new DomainSpec() }, "10.244.0.14");
        await _cluster.MarkScheduledAsync("default", broken);
        await _cluster.ScheduleAsync(fine, "10.244.0.15");

        var failed = await _cluster.WaitForAsync(broken, v => v.Status?.Phase == VirtualMachineInstancePhase.Failed, "Failed");
        await _cluster.WaitForAsync(fine, v => v.Status?.Phase == VirtualMachineInstancePhase.Running, "Running");
        var events = await _cluster.Client.EventsV1.ListNamespacedEventAsync("default");

        failed.Status!.Reason.Should().Be("InvalidSpec");
        events.Items.Should().Contain(e => e.Regarding.Name == broken && e.Type == "Warning" && e.Note.Contains("memory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Many_instances_each_start_with_one_status_write()
    {
        const int count = 20;
        var names = Enumerable.Range(0, count).Select(i => Unique($"many{i}")).ToList();
        var writesBefore = _cluster.Server.Requests.Writes(VirtualMachineInstance.Plural);
        await using var agent = InProcessAgent.Start(_cluster.AgentArgs());

        await Task.WhenAll(names.Select((name, i) => _cluster.ScheduleAsync(name, $"10.244.1.{i + 1}")));
        foreach (var name in names)
        {
            await _cluster.WaitForAsync(name, v => v.Status?.Phase == VirtualMachineInstancePhase.Running, "Running");
        }

        // The test itself wrote two per instance: the create and the Scheduled status.
        var agentWrites = _cluster.Server.Requests.Writes(VirtualMachineInstance.Plural) - writesBefore - (2 * count);
        agentWrites.Should().Be(count, _cluster.Server.Requests.Prometheus());
    }

    [Fact]
    public async Task A_restarted_agent_adopts_the_running_guest_without_restarting_it_or_writing_status()
    {
        var name = Unique("adopt");
        var later = Unique("later");
        VirtualMachineInstance before;
        string xmlBefore;
        await using (InProcessAgent.Start(_cluster.AgentArgs()))
        {
            await _cluster.ScheduleAsync(name, "10.244.0.12");
            before = await _cluster.WaitForAsync(name, v => v.Status?.Phase == VirtualMachineInstancePhase.Running, "Running");
            xmlBefore = await XmlAsync(name);
        }

        await using var restarted = InProcessAgent.Start(_cluster.AgentArgs("--workers", "1"));
        // With one worker, the adopted instance (queued when the caches synced) is reconciled before a later one.
        await _cluster.ScheduleAsync(later, "10.244.0.13");
        await _cluster.WaitForAsync(later, v => v.Status?.Phase == VirtualMachineInstancePhase.Running, "the later VMI Running");
        var after = await _cluster.Clients.VirtualMachineInstances.GetAsync("default", name, CancellationToken.None);

        after!.Metadata.ResourceVersion.Should().Be(before.Metadata.ResourceVersion, "a status that is already right is not written again");
        (await XmlAsync(name)).Should().Be(xmlBefore, "the domain keeps running as it was (same id), not started again");
    }

    [Fact]
    public async Task The_node_gets_its_schedulable_label_and_heartbeat()
    {
        await using var agent = InProcessAgent.Start(_cluster.AgentArgs());

        V1Node? node = null;
        await Eventually.UntilAsync(async () => (node = await _cluster.Client.CoreV1.ReadNodeAsync(AgentCluster.Node)).Metadata.Annotations?.ContainsKey(VmAddonMetadata.HeartbeatAnnotation) == true,
            "the heartbeat annotation");
        var first = node!.Metadata.Annotations[VmAddonMetadata.HeartbeatAnnotation];

        node.Metadata.Labels.Should().Contain(VmAddonMetadata.SchedulableNodeLabel, "true");
        DateTimeOffset.TryParse(first, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _).Should().BeTrue();
        await Eventually.UntilAsync(async () => (await _cluster.Client.CoreV1.ReadNodeAsync(AgentCluster.Node)).Metadata.Annotations[VmAddonMetadata.HeartbeatAnnotation] != first,
            "the next heartbeat");
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static bool Has(VirtualMachineInstance vmi, string type, string status) => vmi.Status?.Conditions?.Any(c => c.Type == type && c.Status == status) == true;

    private Task AnnotateAsync(string name, string value) => _cluster.Clients.VirtualMachineInstances.PatchAsync("default", name,
        new V1Patch("{\"metadata\":{\"annotations\":{\"" + VmAddonMetadata.PauseRequestedAnnotation + "\":" + value + "}}}", V1Patch.PatchType.MergePatch), CancellationToken.None);

    private async Task<DomainState> StateAsync(string name)
    {
        using var domain = await _libvirt.LookupDomainAsync(GuestDomainXml.DomainName("default", name));
        return (await domain.GetStateAsync()).State;
    }

    private async Task<string> XmlAsync(string name)
    {
        using var domain = await _libvirt.LookupDomainAsync(GuestDomainXml.DomainName("default", name));
        return await domain.GetXmlAsync();
    }
}
