using VmAddon.Api;
using VmAddon.Core.Machines;

namespace VmAddon.Core.Tests.Machines;

public sealed class RunStrategyPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string?, MachineAction, string> Table => new()
    {
        // strategy, instance phase (null: none), action, printableStatus
        { RunStrategy.Always, null, MachineAction.CreateInstance, PrintableStatus.Starting },
        { RunStrategy.Always, VirtualMachineInstancePhase.Scheduling, MachineAction.None, PrintableStatus.Starting },
        { RunStrategy.Always, VirtualMachineInstancePhase.Running, MachineAction.None, PrintableStatus.Running },
        { RunStrategy.Always, VirtualMachineInstancePhase.Succeeded, MachineAction.DeleteInstance, PrintableStatus.Stopped },
        { RunStrategy.Always, VirtualMachineInstancePhase.Unknown, MachineAction.None, PrintableStatus.Unknown },
        { RunStrategy.Halted, null, MachineAction.None, PrintableStatus.Stopped },
        { RunStrategy.Halted, VirtualMachineInstancePhase.Running, MachineAction.DeleteInstance, PrintableStatus.Stopping },
        { RunStrategy.RerunOnFailure, null, MachineAction.CreateInstance, PrintableStatus.Starting },
        { RunStrategy.RerunOnFailure, VirtualMachineInstancePhase.Succeeded, MachineAction.None, PrintableStatus.Stopped },
        { RunStrategy.Once, null, MachineAction.CreateInstance, PrintableStatus.Starting },
        { RunStrategy.Once, VirtualMachineInstancePhase.Failed, MachineAction.HaltOnce, PrintableStatus.Stopped },
        { RunStrategy.Once, VirtualMachineInstancePhase.Succeeded, MachineAction.HaltOnce, PrintableStatus.Stopped },
        { RunStrategy.Manual, null, MachineAction.None, PrintableStatus.Stopped },
        { RunStrategy.Manual, VirtualMachineInstancePhase.Succeeded, MachineAction.None, PrintableStatus.Stopped },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_strategy_acts_as_kubevirt_does(string strategy, string? phase, MachineAction action, string status)
    {
        var instance = phase is null ? null : new InstanceObservation("vmi-1", phase, Deleting: false, EverRan: phase is VirtualMachineInstancePhase.Running or VirtualMachineInstancePhase.Succeeded);

        var decision = RunStrategyPolicy.Decide(strategy, vmDeleting: false, instance, [], null, Now);

        decision.Action.Should().Be(action);
        decision.PrintableStatus.Should().Be(status);
    }

    [Theory]
    [InlineData(true, RunStrategy.Always)]
    [InlineData(false, RunStrategy.Halted)]
    [InlineData(null, RunStrategy.Halted)]
    public void Running_true_and_false_mean_always_and_halted(bool? running, string expected) =>
        RunStrategyPolicy.Effective(new VirtualMachineSpec { Running = running }).Should().Be(expected);

    [Fact]
    public void Rerun_on_failure_restarts_a_failed_instance_that_had_run()
    {
        var failed = new InstanceObservation("vmi-1", VirtualMachineInstancePhase.Failed, Deleting: false, EverRan: true);

        var decision = RunStrategyPolicy.Decide(RunStrategy.RerunOnFailure, false, failed, [], null, Now);

        decision.Action.Should().Be(MachineAction.DeleteInstance);
        decision.StartFailure.Should().BeNull("an instance that ran is not a start failure");
    }

    [Fact]
    public void Instances_that_fail_before_running_back_off_exponentially_up_to_five_minutes_and_reset_once_one_runs()
    {
        VirtualMachineStartFailure? failure = null;
        var waits = new List<TimeSpan>();
        for (var i = 1; i <= 7; i++)
        {
            var failed = new InstanceObservation($"vmi-{i}", VirtualMachineInstancePhase.Failed, Deleting: false, EverRan: false);
            var afterFailure = RunStrategyPolicy.Decide(RunStrategy.Always, false, failed, [], failure, Now);
            afterFailure.Action.Should().Be(MachineAction.DeleteInstance);
            afterFailure.PrintableStatus.Should().Be(PrintableStatus.CrashLoopBackOff);
            failure = afterFailure.StartFailure;
            var waiting = RunStrategyPolicy.Decide(RunStrategy.Always, false, null, [], failure, Now);
            waiting.Action.Should().Be(MachineAction.None);
            waits.Add(waiting.RequeueAfter!.Value);
        }

        var later = RunStrategyPolicy.Decide(RunStrategy.Always, false, null, [], failure, Now + TimeSpan.FromMinutes(6));
        var running = RunStrategyPolicy.Decide(RunStrategy.Always, false, new InstanceObservation("vmi-8", VirtualMachineInstancePhase.Running, false, true), [], failure, Now);

        waits.Select(w => (int)w.TotalSeconds).Should().Equal(10, 20, 40, 80, 160, 300, 300);
        failure!.ConsecutiveFailCount.Should().Be(7);
        later.Action.Should().Be(MachineAction.CreateInstance);
        running.StartFailure.Should().BeNull();
    }

    [Fact]
    public void The_same_failed_instance_counts_once()
    {
        var failed = new InstanceObservation("vmi-1", VirtualMachineInstancePhase.Failed, Deleting: false, EverRan: false);
        var first = RunStrategyPolicy.Decide(RunStrategy.Always, false, failed, [], null, Now).StartFailure;

        var again = RunStrategyPolicy.Decide(RunStrategy.Always, false, failed, [], first, Now).StartFailure;

        again!.ConsecutiveFailCount.Should().Be(1);
    }

    public static TheoryData<string, string?, string, MachineAction, int, string> RequestTable => new()
    {
        // strategy, instance ("phase uid", "deleting uid" or null), requests (Stop:uid, Stop, Start, Start:paused),
        // action, requests left, printableStatus
        { RunStrategy.Always, "Running vmi-1", "Stop:vmi-1 Start", MachineAction.DeleteInstance, 2, PrintableStatus.Stopping },
        { RunStrategy.Always, "deleting vmi-1", "Stop:vmi-1 Start", MachineAction.None, 2, PrintableStatus.Stopping },
        { RunStrategy.Always, null, "Stop:vmi-1 Start", MachineAction.CreateInstance, 0, PrintableStatus.Starting },
        { RunStrategy.Always, null, "Start:paused", MachineAction.CreateInstance, 0, PrintableStatus.Starting },
        { RunStrategy.Always, "Running vmi-1", "Start", MachineAction.None, 0, PrintableStatus.Running },
        { RunStrategy.Always, "Running vmi-2", "Stop:vmi-1 Start", MachineAction.None, 0, PrintableStatus.Running },
        { RunStrategy.Always, "Running vmi-1", "Stop", MachineAction.DeleteInstance, 1, PrintableStatus.Stopping },
        { RunStrategy.RerunOnFailure, "Succeeded vmi-1", "Stop:vmi-1 Start", MachineAction.DeleteInstance, 2, PrintableStatus.Stopping },
        { RunStrategy.RerunOnFailure, null, "Stop:vmi-1 Start", MachineAction.CreateInstance, 0, PrintableStatus.Starting },
        { RunStrategy.RerunOnFailure, "Running vmi-1", "Stop:vmi-1", MachineAction.DeleteInstance, 1, PrintableStatus.Stopping },
        { RunStrategy.RerunOnFailure, "Running vmi-1", "Start", MachineAction.None, 0, PrintableStatus.Running },
        { RunStrategy.Manual, null, "Start", MachineAction.CreateInstance, 0, PrintableStatus.Starting },
        { RunStrategy.Manual, null, "Start:paused", MachineAction.CreateInstance, 0, PrintableStatus.Starting },
        { RunStrategy.Manual, null, "Start Stop:vmi-1", MachineAction.CreateInstance, 1, PrintableStatus.Starting },
        { RunStrategy.Manual, "Succeeded vmi-1", "Start", MachineAction.DeleteInstance, 1, PrintableStatus.Stopped },
        { RunStrategy.Manual, "deleting vmi-1", "Start", MachineAction.None, 1, PrintableStatus.Stopping },
        { RunStrategy.Manual, "Running vmi-1", "Stop:vmi-1", MachineAction.DeleteInstance, 1, PrintableStatus.Stopping },
        { RunStrategy.Manual, "Running vmi-1", "Stop", MachineAction.DeleteInstance, 1, PrintableStatus.Stopping },
        { RunStrategy.Manual, "Running vmi-1", "Stop:vmi-0", MachineAction.None, 0, PrintableStatus.Running },
        { RunStrategy.Manual, null, "Stop:vmi-1", MachineAction.None, 0, PrintableStatus.Stopped },
        { RunStrategy.Manual, "Running vmi-1", "Stop:vmi-1 Start", MachineAction.DeleteInstance, 2, PrintableStatus.Stopping },
        { RunStrategy.Halted, null, "Start:paused", MachineAction.SetRunStrategyAlways, 1, PrintableStatus.Stopped },
        { RunStrategy.Halted, null, "Start", MachineAction.SetRunStrategyAlways, 1, PrintableStatus.Stopped },
        { RunStrategy.Halted, "Running vmi-1", "Stop:vmi-1", MachineAction.DeleteInstance, 1, PrintableStatus.Stopping },
        { RunStrategy.Halted, "deleting vmi-1", "Stop:vmi-1", MachineAction.None, 1, PrintableStatus.Stopping },
        { RunStrategy.Halted, null, "Stop:vmi-1", MachineAction.None, 0, PrintableStatus.Stopped },
        { RunStrategy.Once, null, "Start:paused", MachineAction.CreateInstance, 0, PrintableStatus.Starting },
        { RunStrategy.Once, "Running vmi-1", "Stop:vmi-1", MachineAction.None, 0, PrintableStatus.Running },
    };

    [Theory]
    [MemberData(nameof(RequestTable))]
    public void State_change_requests_act_for_every_strategy_but_once_and_go_once_satisfied(
        string strategy, string? instance, string requests, MachineAction action, int left, string status)
    {
        var decision = RunStrategyPolicy.Decide(strategy, vmDeleting: false, Instance(instance), Requests(requests), null, Now);

        decision.Action.Should().Be(action);
        decision.RemainingRequests.Should().HaveCount(left);
        decision.PrintableStatus.Should().Be(status);
        decision.StartPaused.Should().Be(action == MachineAction.CreateInstance && requests.Contains("Start:paused", StringComparison.Ordinal) && strategy != RunStrategy.Once);
    }

    [Fact]
    public void A_paused_start_of_a_halted_vm_switches_it_to_always_which_then_creates_the_instance_paused()
    {
        var requests = Requests("Start:paused");

        var halted = RunStrategyPolicy.Decide(RunStrategy.Halted, false, null, requests, null, Now);
        var always = RunStrategyPolicy.Decide(RunStrategy.Always, false, null, halted.RemainingRequests, null, Now);

        halted.Action.Should().Be(MachineAction.SetRunStrategyAlways);
        always.Action.Should().Be(MachineAction.CreateInstance);
        always.StartPaused.Should().BeTrue();
        always.RemainingRequests.Should().BeEmpty();
    }

    [Fact]
    public void A_start_request_waits_out_the_crash_loop_backoff()
    {
        var failure = new VirtualMachineStartFailure { ConsecutiveFailCount = 1, LastFailedVmiUid = "vmi-1", RetryAfterTimestamp = (Now + TimeSpan.FromSeconds(10)).UtcDateTime };

        var decision = RunStrategyPolicy.Decide(RunStrategy.Manual, false, null, Requests("Start:paused"), failure, Now);

        decision.Action.Should().Be(MachineAction.None);
        decision.PrintableStatus.Should().Be(PrintableStatus.CrashLoopBackOff);
        decision.RemainingRequests.Should().ContainSingle("the start, paused, still has to happen");
    }

    // "Phase uid" or "deleting uid"; a deleting instance is Running.
    private static InstanceObservation? Instance(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(' ');
        var deleting = parts[0] == "deleting";
        var phase = deleting ? VirtualMachineInstancePhase.Running : parts[0];
        return new InstanceObservation(parts[1], phase, deleting, EverRan: true);
    }

    private static List<VirtualMachineStateChangeRequest> Requests(string text) =>
    [
        .. text.Split(' ').Select(r => r.Split(':')).Select(r => r[0] == StateChangeAction.Stop
            ? new VirtualMachineStateChangeRequest { Action = StateChangeAction.Stop, Uid = r.Length > 1 ? r[1] : null }
            : new VirtualMachineStateChangeRequest
            {
                Action = StateChangeAction.Start,
                Data = r.Length > 1 ? new Dictionary<string, string> { [StartRequestData.PausedKey] = StartRequestData.PausedTrue } : null,
            }),
    ];

    [Fact]
    public void Deleting_a_vm_deletes_its_instance_and_shows_terminating()
    {
        var running = new InstanceObservation("vmi-1", VirtualMachineInstancePhase.Running, false, true);

        var decision = RunStrategyPolicy.Decide(RunStrategy.Always, vmDeleting: true, running, [], null, Now);

        decision.Action.Should().Be(MachineAction.DeleteInstance);
        decision.PrintableStatus.Should().Be(PrintableStatus.Terminating);
    }

    [Fact]
    public void Unschedulable_and_paused_instances_show_as_such()
    {
        var pending = new InstanceObservation("vmi-1", VirtualMachineInstancePhase.Scheduling, false, false, Unschedulable: true);
        var paused = new InstanceObservation("vmi-1", VirtualMachineInstancePhase.Running, false, true, Paused: true);

        RunStrategyPolicy.Decide(RunStrategy.Always, false, pending, [], null, Now).PrintableStatus.Should().Be(PrintableStatus.ErrorUnschedulable);
        RunStrategyPolicy.Decide(RunStrategy.Always, false, paused, [], null, Now).PrintableStatus.Should().Be(PrintableStatus.Paused);
    }
}
