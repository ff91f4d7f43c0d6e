using VmAddon.Api;
using VmAddon.Api.Validation;
using VmAddon.Core.Machines;

namespace VmAddon.Core.Tests.Machines;

public sealed class MachineConditionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_invalid_spec_is_a_Failure_naming_the_field_that_goes_when_the_spec_is_fixed()
    {
        var broken = MachineConditions.Compute(null, [new FieldError("spec.template.spec.domain.devices.disks[0].name", "no volume named \"root\"")], false, null, false, Now);
        var fixedAgain = MachineConditions.Compute(broken, [], false, null, false, Now);

        broken.Should().ContainSingle(c => c.Type == MachineConditions.Failure && c.Status == "True" && c.Reason == MachineConditions.InvalidSpecReason
            && c.Message!.Contains("spec.template.spec.domain.devices.disks[0].name"));
        fixedAgain.Should().NotContain(c => c.Type == MachineConditions.Failure);
    }

    [Fact]
    public void Ready_mirrors_the_instance_and_keeps_its_transition_time_while_unchanged()
    {
        var none = MachineConditions.Compute(null, [], false, null, false, Now);
        var starting = MachineConditions.Compute(none, [], true, null, false, Now.AddSeconds(1));
        var stillStarting = MachineConditions.Compute(starting, [], true, null, false, Now.AddSeconds(2));
        var ready = MachineConditions.Compute(starting, [], true, new Condition { Type = "Ready", Status = "True" }, false, Now.AddSeconds(3));

        none.Should().ContainSingle(c => c.Type == MachineConditions.Ready && c.Status == "False" && c.Reason == MachineConditions.NoInstanceReason);
        stillStarting.Should().BeEquivalentTo(starting);
        starting!.Single().LastTransitionTime.Should().Be(Now.UtcDateTime, "False stayed False");
        ready.Should().ContainSingle(c => c.Type == MachineConditions.Ready && c.Status == "True" && c.LastTransitionTime == Now.AddSeconds(3).UtcDateTime);
    }

    [Fact]
    public void RestartRequired_is_there_while_the_instance_is_stale()
    {
        var stale = MachineConditions.Compute(null, [], true, null, true, Now);
        var restarted = MachineConditions.Compute(stale, [], true, null, false, Now);

        stale.Should().ContainSingle(c => c.Type == MachineConditions.RestartRequired && c.Status == "True");
        restarted.Should().NotContain(c => c.Type == MachineConditions.RestartRequired);
    }
}
