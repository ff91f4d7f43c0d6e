using k8s.Models;
using VmAddon.Core.Machines;

namespace VmAddon.Core.Tests.Machines;

public sealed class NodeReadinessTests
{
    private static readonly DateTime Since = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 5, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("True", false)]
    [InlineData("False", true)]
    [InlineData("Unknown", true)]
    public void A_node_is_lost_since_its_Ready_condition_stopped_being_True(string ready, bool lost)
    {
        var node = new V1Node { Metadata = new V1ObjectMeta { Name = "n" }, Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = "Ready", Status = ready, LastTransitionTime = Since }] } };

        NodeReadiness.NotReadySince(node).Should().Be(lost ? new DateTimeOffset(Since) : null);
    }

    [Fact]
    public void A_node_that_is_gone_has_been_lost_forever() => NodeReadiness.NotReadySince(null).Should().Be(DateTimeOffset.MinValue);

    [Theory]
    [InlineData(null, false, null)]
    [InlineData("garbage", false, null)]
    [InlineData("2026-11-24T12:04:00Z", false, 60)]
    [InlineData("2026-11-24T12:03:00Z", true, null)]
    [InlineData("2026-11-24T11:00:00Z", true, null)]
    public void A_heartbeat_older_than_the_timeout_is_stale(string? heartbeat, bool stale, int? recheckSeconds)
    {
        var verdict = NodeReadiness.Heartbeat(heartbeat, TimeSpan.FromMinutes(2), Now);

        verdict.Should().Be(new HeartbeatVerdict(stale, recheckSeconds is { } s ? TimeSpan.FromSeconds(s) : null));
    }
}
