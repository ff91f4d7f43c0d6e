using LibvirtSharp;
using VmAddon.Agent.Libvirt;
using VmAddon.Core.Guests;

namespace VmAddon.Agent.Tests;

public sealed class DomainStatesTests
{
    [Theory]
    [InlineData(DomainState.Running, 1, GuestDomainState.Running)]
    [InlineData(DomainState.Blocked, 0, GuestDomainState.Running)]
    [InlineData(DomainState.Paused, (int)DomainPausedReason.User, GuestDomainState.Paused)]
    [InlineData(DomainState.Paused, (int)DomainPausedReason.IOError, GuestDomainState.PausedByHypervisor)]
    [InlineData(DomainState.PMSuspended, 1, GuestDomainState.PausedByHypervisor)]
    [InlineData(DomainState.ShuttingDown, 1, GuestDomainState.ShuttingDown)]
    [InlineData(DomainState.Crashed, 0, GuestDomainState.Crashed)]
    [InlineData(DomainState.Shutoff, (int)DomainShutoffReason.Shutdown, GuestDomainState.PoweredOff)]
    [InlineData(DomainState.Shutoff, (int)DomainShutoffReason.Destroyed, GuestDomainState.Destroyed)]
    [InlineData(DomainState.Shutoff, (int)DomainShutoffReason.Crashed, GuestDomainState.Crashed)]
    [InlineData(DomainState.Shutoff, (int)DomainShutoffReason.Failed, GuestDomainState.Failed)]
    [InlineData(DomainState.Shutoff, (int)DomainShutoffReason.Daemon, GuestDomainState.Failed)]
    [InlineData(DomainState.Shutoff, (int)DomainShutoffReason.Unknown, GuestDomainState.Defined)]
    public void Libvirt_states_reduce_to_what_the_policy_decides_on(DomainState state, int reason, GuestDomainState expected)
    {
        DomainStates.From(new DomainStateInfo(state, reason)).Should().Be(expected);
    }
}
