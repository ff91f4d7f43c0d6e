using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Guests;

namespace VmAddon.Core.Tests.Guests;

public sealed class GuestStatusRendererTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Now.AddMinutes(5);

    [Fact]
    public void A_started_guest_gets_everything_in_one_status()
    {
        var status = GuestStatusRenderer.Render(Vmi(Scheduled()), Facts(VirtualMachineInstancePhase.Running, GuestDomainState.Running, softwareEmulation: true), Now);

        status.Phase.Should().Be(VirtualMachineInstancePhase.Running);
        status.NodeName.Should().Be("node-a");
        status.Interfaces.Should().ContainSingle().Which.Should().BeEquivalentTo(new NetworkInterfaceStatus
        {
            Name = "default", Mac = "02:00:00:00:00:01", IpAddress = "10.0.0.7", IpAddresses = ["10.0.0.7"],
        });
        status.PhaseTransitionTimestamps!.Select(t => t.Phase).Should().Equal(VirtualMachineInstancePhase.Scheduled, VirtualMachineInstancePhase.Running);
        status.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Ready && c.Status == ConditionStatus.True);
        status.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.SoftwareEmulation && c.Status == ConditionStatus.True && c.Message != null);
        status.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.PodScheduled, "the controller's conditions stay");
        status.Conditions.Should().NotContain(c => c.Type == VirtualMachineInstanceConditionType.Paused);
    }

    [Fact]
    public void Rendering_again_from_the_same_facts_changes_nothing()
    {
        var facts = Facts(VirtualMachineInstancePhase.Running, GuestDomainState.Running);
        var first = GuestStatusRenderer.Render(Vmi(Scheduled()), facts, Now);

        var second = GuestStatusRenderer.Render(Vmi(first), facts, Later);

        Json(second).Should().Be(Json(first));
    }

    [Fact]
    public void A_paused_guest_is_not_ready_and_says_who_paused_it()
    {
        var running = GuestStatusRenderer.Render(Vmi(Scheduled()), Facts(VirtualMachineInstancePhase.Running, GuestDomainState.Running), Now);

        var paused = GuestStatusRenderer.Render(Vmi(running), Facts(VirtualMachineInstancePhase.Running, GuestDomainState.Paused, pause: true), Later);
        var resumed = GuestStatusRenderer.Render(Vmi(paused), Facts(VirtualMachineInstancePhase.Running, GuestDomainState.Running), Later);

        paused.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Paused && c.Status == ConditionStatus.True && c.Reason == GuestReasons.PausedByUser);
        paused.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Ready && c.Status == ConditionStatus.False);
        paused.PhaseTransitionTimestamps.Should().HaveCount(2, "pausing is not a phase change");
        resumed.Conditions.Should().NotContain(c => c.Type == VirtualMachineInstanceConditionType.Paused);
        resumed.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Ready && c.Status == ConditionStatus.True);
    }

    [Fact]
    public void A_guest_the_hypervisor_paused_says_so_even_when_a_pause_was_requested()
    {
        var status = GuestStatusRenderer.Render(Vmi(Scheduled()), Facts(VirtualMachineInstancePhase.Running, GuestDomainState.PausedByHypervisor, pause: true), Now);

        status.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Paused && c.Reason == GuestReasons.PausedByHypervisor);
        status.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Ready && c.Status == ConditionStatus.False);
    }

    [Fact]
    public void A_final_phase_carries_its_reason_and_is_not_ready()
    {
        var running = GuestStatusRenderer.Render(Vmi(Scheduled()), Facts(VirtualMachineInstancePhase.Running, GuestDomainState.Running), Now);

        var failed = GuestStatusRenderer.Render(Vmi(running), Facts(VirtualMachineInstancePhase.Failed, GuestDomainState.Crashed) with { Reason = GuestReasons.GuestCrashed }, Later);

        failed.Phase.Should().Be(VirtualMachineInstancePhase.Failed);
        failed.Reason.Should().Be(GuestReasons.GuestCrashed);
        failed.PhaseTransitionTimestamps!.Select(t => t.Phase).Should().EndWith(VirtualMachineInstancePhase.Failed);
        failed.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Ready && c.Status == ConditionStatus.False);
        failed.Interfaces.Should().NotBeNull();
    }

    private static GuestStatusFacts Facts(string phase, GuestDomainState domain, bool pause = false, bool softwareEmulation = false) =>
        new(phase, null, "node-a", ["10.0.0.7"], domain, pause, softwareEmulation);

    private static VirtualMachineInstanceStatus Scheduled() => new()
    {
        Phase = VirtualMachineInstancePhase.Scheduled,
        NodeName = "node-a",
        PhaseTransitionTimestamps = [new PhaseTransitionTimestamp { Phase = VirtualMachineInstancePhase.Scheduled, Timestamp = Now.AddSeconds(-3) }],
        Conditions = [new Condition { Type = VirtualMachineInstanceConditionType.PodScheduled, Status = ConditionStatus.True }],
    };

    private static VirtualMachineInstance Vmi(VirtualMachineInstanceStatus status) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" },
        Spec = new VirtualMachineInstanceSpec
        {
            Domain = new DomainSpec
            {
                Devices = new Devices { Interfaces = [new Interface { Name = "default", Masquerade = new InterfaceMasquerade(), MacAddress = "02:00:00:00:00:01" }] },
            },
            Networks = [new Network { Name = "default", Pod = new PodNetwork() }],
        },
        Status = status,
    };

    private static string Json(VirtualMachineInstanceStatus status) => k8s.KubernetesJson.Serialize(status);
}
