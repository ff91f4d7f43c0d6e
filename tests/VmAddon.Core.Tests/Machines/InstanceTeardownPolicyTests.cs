using VmAddon.Api;
using VmAddon.Core.Machines;

namespace VmAddon.Core.Tests.Machines;

public sealed class InstanceTeardownPolicyTests
{
    private static readonly DateTimeOffset Deleted = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string?, bool, bool, bool, int, TeardownDecision> Cases => new()
    {
        { "a live instance is not torn down", VirtualMachineInstancePhase.Running, false, true, false, 0, TeardownDecision.Keep },
        { "a deleted pending instance loses its pod at once", VirtualMachineInstancePhase.Pending, true, true, false, 0, new(true, true, false, null) },
        { "a deleted scheduling instance loses its pod at once", VirtualMachineInstancePhase.Scheduling, true, true, false, 0, new(true, true, false, null) },
        { "a deleted running instance waits for its agent", VirtualMachineInstancePhase.Running, true, true, false, 10, new(true, false, false, TimeSpan.FromSeconds(35)) },
        { "a deleted scheduled instance waits for its agent", VirtualMachineInstancePhase.Scheduled, true, true, false, 44, new(true, false, false, TimeSpan.FromSeconds(1)) },
        { "a silent agent is waited for no longer than grace + 15 s", VirtualMachineInstancePhase.Running, true, true, false, 45, new(true, true, false, null) },
        { "the agent stopped the guest: the pod goes", VirtualMachineInstancePhase.Succeeded, true, true, false, 1, new(true, true, false, null) },
        { "a final instance loses its pod even undeleted", VirtualMachineInstancePhase.Failed, false, true, false, 0, new(true, true, false, null) },
        { "a pod already terminating is its kubelet's to finish", VirtualMachineInstancePhase.Running, true, true, true, 100, new(true, false, false, null) },
        { "no pod: the finalizer may go", VirtualMachineInstancePhase.Running, true, false, false, 0, new(true, false, true, null) },
        { "a final instance without a pod releases its finalizer", VirtualMachineInstancePhase.Succeeded, false, false, false, 0, new(true, false, true, null) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide(string because, string? phase, bool deleted, bool podExists, bool podDeleting, int secondsSinceDeletion, TeardownDecision expected)
    {
        var decision = InstanceTeardownPolicy.Decide(phase, deleted ? Deleted : null, gracePeriodSeconds: 30, podExists, podDeleting, Deleted.AddSeconds(secondsSinceDeletion));

        decision.Should().Be(expected, because);
    }
}
