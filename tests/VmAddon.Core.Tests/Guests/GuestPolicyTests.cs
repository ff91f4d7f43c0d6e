using VmAddon.Api;
using VmAddon.Core.Guests;

namespace VmAddon.Core.Tests.Guests;

public sealed class GuestPolicyTests
{
    private const string Scheduled = VirtualMachineInstancePhase.Scheduled;
    private const string Running = VirtualMachineInstancePhase.Running;
    private const string Succeeded = VirtualMachineInstancePhase.Succeeded;
    private const string Failed = VirtualMachineInstancePhase.Failed;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public static TheoryData<string, bool, GuestDomainState, GuestAction, string, string?> Living => new()
    {
        // phase, pause requested, domain → action, phase, reason
        { Scheduled, false, GuestDomainState.Missing, GuestAction.DefineAndStart, Scheduled, null },
        { Scheduled, false, GuestDomainState.Defined, GuestAction.DefineAndStart, Scheduled, null },
        { Scheduled, false, GuestDomainState.PoweredOff, GuestAction.DefineAndStart, Scheduled, null },
        { Scheduled, false, GuestDomainState.Running, GuestAction.None, Running, null },
        { Scheduled, true, GuestDomainState.Running, GuestAction.Suspend, Running, null },
        { Running, false, GuestDomainState.Running, GuestAction.None, Running, null },
        { Running, true, GuestDomainState.Running, GuestAction.Suspend, Running, null },
        { Running, true, GuestDomainState.Paused, GuestAction.None, Running, null },
        { Running, false, GuestDomainState.Paused, GuestAction.Resume, Running, null },
        { Running, false, GuestDomainState.PausedByHypervisor, GuestAction.None, Running, null },
        { Running, true, GuestDomainState.PausedByHypervisor, GuestAction.None, Running, null },
        { Running, false, GuestDomainState.ShuttingDown, GuestAction.None, Running, null },
        { Running, false, GuestDomainState.PoweredOff, GuestAction.None, Succeeded, GuestReasons.GuestShutdown },
        { Running, false, GuestDomainState.Crashed, GuestAction.None, Failed, GuestReasons.GuestCrashed },
        { Running, false, GuestDomainState.Failed, GuestAction.None, Failed, GuestReasons.HypervisorFailed },
        { Running, false, GuestDomainState.Destroyed, GuestAction.None, Failed, GuestReasons.Destroyed },
        { Running, false, GuestDomainState.Defined, GuestAction.None, Failed, GuestReasons.DomainStopped },
        { Running, false, GuestDomainState.Missing, GuestAction.None, Failed, GuestReasons.DomainLost },
        { Running, false, GuestDomainState.LauncherExited, GuestAction.None, Failed, GuestReasons.LauncherExited },
        { Scheduled, false, GuestDomainState.LauncherExited, GuestAction.None, Failed, GuestReasons.LauncherExited },
        { Succeeded, false, GuestDomainState.Missing, GuestAction.None, Succeeded, null },
        { Failed, false, GuestDomainState.Running, GuestAction.None, Failed, null },
        { VirtualMachineInstancePhase.Scheduling, false, GuestDomainState.Missing, GuestAction.None, VirtualMachineInstancePhase.Scheduling, null },
    };

    [Theory]
    [MemberData(nameof(Living))]
    public void A_living_instance_follows_its_domain(string phase, bool pause, GuestDomainState domain, GuestAction action, string nextPhase, string? reason)
    {
        var decision = GuestPolicy.Decide(new GuestFacts(phase, false, pause, domain, null, Grace));

        decision.Should().Be(new GuestDecision(action, nextPhase, reason));
    }

    public static TheoryData<GuestDomainState, int?, int, GuestAction, string, int?> Deleting => new()
    {
        // domain, seconds since the power button, grace seconds → action, phase, requeue seconds
        { GuestDomainState.Running, null, 30, GuestAction.Shutdown, Running, 30 },
        { GuestDomainState.Running, 10, 30, GuestAction.None, Running, 20 },
        { GuestDomainState.ShuttingDown, 10, 30, GuestAction.None, Running, 20 },
        { GuestDomainState.Running, 30, 30, GuestAction.Destroy, Running, null },
        { GuestDomainState.Running, null, 0, GuestAction.Destroy, Running, null },
        { GuestDomainState.Paused, null, 30, GuestAction.Destroy, Running, null },
        { GuestDomainState.PausedByHypervisor, null, 30, GuestAction.Destroy, Running, null },
        { GuestDomainState.PoweredOff, 10, 30, GuestAction.None, Succeeded, null },
        { GuestDomainState.Destroyed, 30, 30, GuestAction.None, Succeeded, null },
        { GuestDomainState.Missing, null, 30, GuestAction.None, Succeeded, null },
        { GuestDomainState.Crashed, null, 30, GuestAction.None, Failed, null },
        { GuestDomainState.LauncherExited, 10, 30, GuestAction.None, Succeeded, null },
    };

    [Theory]
    [MemberData(nameof(Deleting))]
    public void A_deleted_instance_is_shut_down_gracefully_then_destroyed(GuestDomainState domain, int? since, int grace, GuestAction action, string phase, int? requeue)
    {
        var decision = GuestPolicy.Decide(new GuestFacts(Running, true, false, domain, since is { } s ? TimeSpan.FromSeconds(s) : null, TimeSpan.FromSeconds(grace)));

        decision.Action.Should().Be(action);
        decision.Phase.Should().Be(phase);
        decision.RequeueAfter.Should().Be(requeue is { } r ? TimeSpan.FromSeconds(r) : null);
    }

    [Theory]
    [InlineData(Scheduled, Running, "Pending", true)]
    [InlineData(Scheduled, Running, "Running", false)]
    [InlineData(Scheduled, Running, null, false)]
    [InlineData(Running, Running, "Pending", false)]
    [InlineData(Scheduled, Failed, "Pending", false)]
    public void The_first_Running_write_waits_for_a_pod_cache_that_lags_the_controller(string phase, string next, string? podPhase, bool wait)
    {
        GuestPolicy.AwaitPodCache(phase, next, podPhase).Should().Be(wait);
    }

    [Fact]
    public void A_deleted_instance_that_never_started_succeeds_at_once()
    {
        var decision = GuestPolicy.Decide(new GuestFacts(Scheduled, true, false, GuestDomainState.Missing, null, Grace));

        decision.Should().Be(new GuestDecision(GuestAction.None, Succeeded, GuestReasons.Deleted));
    }
}
