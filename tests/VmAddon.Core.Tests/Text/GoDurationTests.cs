using VmAddon.Core.Text;

namespace VmAddon.Core.Tests.Text;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("40s", 40_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5s", 1_500)]
    public void Durations_as_Kubernetes_flags_write_them_parse(string text, int milliseconds)
    {
        GoDuration.TryParse(text, out var duration).Should().BeTrue();
        duration.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("40")]
    [InlineData("soon")]
    [InlineData("40s later")]
    public void Anything_else_does_not(string text) => GoDuration.TryParse(text, out _).Should().BeFalse();
}
