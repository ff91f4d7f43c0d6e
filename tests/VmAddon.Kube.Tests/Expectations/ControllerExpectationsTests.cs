using VmAddon.Kube.Expectations;

namespace VmAddon.Kube.Tests.Expectations;

public sealed class ControllerExpectationsTests
{
    [Fact]
    public void A_controller_with_no_expectations_is_satisfied()
    {
        new ControllerExpectations().Satisfied("ns/vm").Should().BeTrue();
    }

    [Fact]
    public void Creations_are_satisfied_only_once_each_was_observed()
    {
        var expectations = new ControllerExpectations(new ManualClock());
        expectations.ExpectCreations("ns/vm", 2);

        expectations.Satisfied("ns/vm").Should().BeFalse();
        expectations.CreationObserved("ns/vm");
        expectations.Satisfied("ns/vm").Should().BeFalse();
        expectations.Pending("ns/vm").Should().Be((1, 0));
        expectations.CreationObserved("ns/vm");
        expectations.Satisfied("ns/vm").Should().BeTrue();
        expectations.Satisfied("ns/other").Should().BeTrue("expectations are per controller key");
    }

    [Fact]
    public void Deletions_are_satisfied_only_once_each_was_observed()
    {
        var expectations = new ControllerExpectations(new ManualClock());
        expectations.ExpectDeletions("ns/vm", 1);
        expectations.CreationObserved("ns/vm");
        expectations.Satisfied("ns/vm").Should().BeFalse("a creation does not count for a deletion");
        expectations.DeletionObserved("ns/vm");
        expectations.Satisfied("ns/vm").Should().BeTrue();
    }

    [Fact]
    public void An_unmet_expectation_expires_after_the_ttl()
    {
        var clock = new ManualClock();
        var expectations = new ControllerExpectations(clock);
        expectations.ExpectCreations("ns/vm", 1);

        clock.Advance(ControllerExpectations.DefaultTtl);
        expectations.Satisfied("ns/vm").Should().BeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));
        expectations.Satisfied("ns/vm").Should().BeTrue();
    }

    [Fact]
    public void Raising_adds_to_what_is_expected_and_Delete_forgets_it()
    {
        var expectations = new ControllerExpectations(new ManualClock(), TimeSpan.FromSeconds(10));
        expectations.ExpectCreations("ns/vm", 1);
        expectations.RaiseExpectations("ns/vm", 1, 1);
        expectations.Pending("ns/vm").Should().Be((2, 1));

        expectations.Delete("ns/vm");
        expectations.Pending("ns/vm").Should().BeNull();
        expectations.Satisfied("ns/vm").Should().BeTrue();
    }
}
