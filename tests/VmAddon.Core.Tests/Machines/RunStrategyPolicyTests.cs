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

    [Fact]
    public void Manual_carries_out_start_and_stop_requests_in_order()
    {
        IReadOnlyList<VirtualMachineStateChangeRequest> requests =
            [new() { Action = StateChangeAction.Start }, new() { Action = StateChangeAction.Stop, Uid = "vmi-1" }];

        var start = RunStrategyPolicy.Decide(RunStrategy.Manual, false, null, requests, null, Now);
        var running = new InstanceObservation("vmi-1", VirtualMachineInstancePhase.Running, false, true);
        var stop = RunStrategyPolicy.Decide(RunStrategy.Manual, false, running, start.RemainingRequests, null, Now);
        var staleStop = RunStrategyPolicy.Decide(RunStrategy.Manual, false, running with { Uid = "vmi-2" }, start.RemainingRequests, null, Now);

        start.Action.Should().Be(MachineAction.CreateInstance);
        start.RemainingRequests.Should().ContainSingle();
        stop.Action.Should().Be(MachineAction.DeleteInstance);
        stop.RemainingRequests.Should().BeEmpty();
        staleStop.Action.Should().Be(MachineAction.None, "a Stop meant for an older instance is dropped");
        staleStop.RemainingRequests.Should().BeEmpty();
    }

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
