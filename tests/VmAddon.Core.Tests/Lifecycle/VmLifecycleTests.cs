using System.Text.Json.Nodes;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Lifecycle;

namespace VmAddon.Core.Tests.Lifecycle;

/// <summary>kubectl vm start, stop and restart give KubeVirt's virt-api answer for each run strategy and instance state.</summary>
public sealed class VmLifecycleTests
{
    // strategy, instance phase (null: none), paused, expected: "spec:<runStrategy>", "requests:<actions>" or "refused:<reason>"
    public static TheoryData<string, string?, bool, string> Starts => new()
    {
        { RunStrategy.Halted, null, false, "spec:Always" },
        { RunStrategy.Halted, null, true, "requests:Start(paused)" },
        { RunStrategy.Halted, VirtualMachineInstancePhase.Succeeded, false, "spec:Always" },
        { RunStrategy.Always, null, false, "refused:Always does not support manual start requests" },
        { RunStrategy.Always, VirtualMachineInstancePhase.Running, false, "refused:VM is already running" },
        { RunStrategy.Always, VirtualMachineInstancePhase.Scheduling, false, "refused:VM is already running" },
        { RunStrategy.Once, null, false, "refused:Once does not support manual start requests" },
        { RunStrategy.Manual, null, false, "requests:Start" },
        { RunStrategy.Manual, null, true, "requests:Start(paused)" },
        { RunStrategy.Manual, VirtualMachineInstancePhase.Failed, false, "requests:Stop(vmi-1),Start" },
        { RunStrategy.Manual, VirtualMachineInstancePhase.Running, false, "refused:VM is already running" },
        { RunStrategy.RerunOnFailure, VirtualMachineInstancePhase.Succeeded, false, "requests:Stop(vmi-1),Start" },
        { RunStrategy.RerunOnFailure, VirtualMachineInstancePhase.Failed, false, "refused:RerunOnFailure does not support starting VM from failed state" },
        { RunStrategy.RerunOnFailure, null, false, "requests:Start" },
    };

    public static TheoryData<string, string?, long?, string> Stops => new()
    {
        { RunStrategy.Always, VirtualMachineInstancePhase.Running, null, "spec:Halted" },
        { RunStrategy.Always, null, null, "spec:Halted" },
        { RunStrategy.Once, VirtualMachineInstancePhase.Running, null, "spec:Halted" },
        { RunStrategy.Manual, VirtualMachineInstancePhase.Running, null, "requests:Stop(vmi-1)" },
        { RunStrategy.Manual, null, null, "refused:VM is not running" },
        { RunStrategy.Manual, VirtualMachineInstancePhase.Succeeded, null, "refused:VM is not running" },
        { RunStrategy.RerunOnFailure, VirtualMachineInstancePhase.Running, null, "requests:Stop(vmi-1)" },
        { RunStrategy.Halted, null, 0L, "refused:VM is not running" },
        { RunStrategy.Halted, VirtualMachineInstancePhase.Running, null, "refused:Halted only supports manual stop requests with a shorter graceperiod" },
        { RunStrategy.Halted, VirtualMachineInstancePhase.Running, 30L, "refused:Halted only supports manual stop requests with a shorter graceperiod" },
        { RunStrategy.Halted, VirtualMachineInstancePhase.Running, 0L, "grace:0;requests:Stop(vmi-1)" },
        { RunStrategy.Always, VirtualMachineInstancePhase.Running, 0L, "grace:0;spec:Halted" },
    };

    public static TheoryData<string, string?, string> Restarts => new()
    {
        { RunStrategy.Always, VirtualMachineInstancePhase.Running, "requests:Stop(vmi-1),Start" },
        { RunStrategy.Manual, VirtualMachineInstancePhase.Running, "requests:Stop(vmi-1),Start" },
        { RunStrategy.RerunOnFailure, VirtualMachineInstancePhase.Succeeded, "requests:Stop(vmi-1),Start" },
        { RunStrategy.Always, null, "refused:VM is not running" },
        { RunStrategy.Halted, VirtualMachineInstancePhase.Running, "refused:runStrategy Halted does not support manual restart requests" },
        { RunStrategy.Once, VirtualMachineInstancePhase.Running, "refused:runStrategy Once does not support manual restart requests" },
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void Start_answers_as_kubevirt(string strategy, string? phase, bool paused, string expected) =>
        Describe(VmLifecycle.Start(Vm(strategy), Instance(phase), paused)).Should().Be(expected);

    [Theory]
    [MemberData(nameof(Stops))]
    public void Stop_answers_as_kubevirt(string strategy, string? phase, long? grace, string expected) =>
        Describe(VmLifecycle.Stop(Vm(strategy), Instance(phase), grace)).Should().Be(expected);

    [Theory]
    [MemberData(nameof(Restarts))]
    public void Restart_answers_as_kubevirt(string strategy, string? phase, string expected) =>
        Describe(VmLifecycle.Restart(Vm(strategy), Instance(phase))).Should().Be(expected);

    [Fact]
    public void Every_patch_tests_the_resource_version_it_was_planned_from()
    {
        var plan = (LifecyclePlan.Patches)VmLifecycle.Stop(Vm(RunStrategy.Always), Instance(VirtualMachineInstancePhase.Running), 0);

        plan.Items.Select(p => First(p)).Should().Equal(
            """{"op":"test","path":"/metadata/resourceVersion","value":"vmi-rv"}""",
            """{"op":"test","path":"/metadata/resourceVersion","value":"vm-rv"}""");
    }

    [Fact]
    public void A_vm_on_the_deprecated_running_field_is_started_through_it()
    {
        var vm = Vm(RunStrategy.Halted) with { Spec = new VirtualMachineSpec { Running = false, Template = new VirtualMachineInstanceTemplateSpec() } };

        var patch = ((LifecyclePlan.Patches)VmLifecycle.Start(vm, null, paused: false)).Items.Single();

        JsonNode.Parse(patch.JsonPatch)![1]!.ToJsonString().Should().Be("""{"op":"add","path":"/spec/running","value":true}""");
    }

    [Fact]
    public void Queued_requests_block_a_start_but_a_stop_replaces_them()
    {
        var vm = Vm(RunStrategy.Manual) with { Status = new VirtualMachineStatus { StateChangeRequests = [new() { Action = StateChangeAction.Start }] } };

        VmLifecycle.Start(vm, null, paused: false).Should().Be(new LifecyclePlan.Refused("unable to complete request: stop/start already underway"));
        var stop = ((LifecyclePlan.Patches)VmLifecycle.Stop(vm, Instance(VirtualMachineInstancePhase.Scheduling), null)).Items.Single();
        JsonNode.Parse(stop.JsonPatch)![1]!["op"]!.GetValue<string>().Should().Be("replace");
    }

    [Fact]
    public void A_start_clears_the_crash_loop_wait()
    {
        var vm = Vm(RunStrategy.Manual) with { Status = new VirtualMachineStatus { StartFailure = new VirtualMachineStartFailure { ConsecutiveFailCount = 3 } } };

        var patch = ((LifecyclePlan.Patches)VmLifecycle.Start(vm, null, paused: false)).Items.Single();

        patch.JsonPatch.Should().Contain("""{"op":"remove","path":"/status/startFailure"}""");
    }

    private static string First(LifecyclePatch patch) => JsonNode.Parse(patch.JsonPatch)![0]!.ToJsonString();

    private static VirtualMachine Vm(string strategy) => new()
    {
        Metadata = new V1ObjectMeta { Name = "legacy-app", NamespaceProperty = "default", ResourceVersion = "vm-rv" },
        Spec = new VirtualMachineSpec { RunStrategy = strategy, Template = new VirtualMachineInstanceTemplateSpec() },
        Status = new VirtualMachineStatus(),
    };

    private static VirtualMachineInstance? Instance(string? phase) => phase is null ? null : new VirtualMachineInstance
    {
        Metadata = new V1ObjectMeta { Name = "legacy-app", NamespaceProperty = "default", Uid = "vmi-1", ResourceVersion = "vmi-rv" },
        Spec = new VirtualMachineInstanceSpec { TerminationGracePeriodSeconds = 10 },
        Status = new VirtualMachineInstanceStatus { Phase = phase },
    };

    // A plan in words: the instance grace patch, the spec change, the queued requests, or the refusal.
    private static string Describe(LifecyclePlan plan) => plan switch
    {
        LifecyclePlan.Refused refused => $"refused:{refused.Reason}",
        LifecyclePlan.Patches patches => string.Join(';', patches.Items.Select(DescribePatch)),
        _ => throw new InvalidOperationException(),
    };

    private static string DescribePatch(LifecyclePatch patch)
    {
        var operations = JsonNode.Parse(patch.JsonPatch)!.AsArray().Skip(1).ToList(); // after the resourceVersion test
        var value = operations[0]!["value"];
        return patch.Target switch
        {
            PatchTarget.VirtualMachineInstance => $"grace:{value}",
            PatchTarget.VirtualMachine => $"spec:{value}",
            _ => "requests:" + string.Join(',', (value is JsonObject status ? status["stateChangeRequests"]! : value!).AsArray().Select(r =>
                r!["action"]!.GetValue<string>()
                + (r["uid"] is { } uid ? $"({uid})" : "")
                + (r["data"]?["paused"] is not null ? "(paused)" : ""))),
        };
    }
}
