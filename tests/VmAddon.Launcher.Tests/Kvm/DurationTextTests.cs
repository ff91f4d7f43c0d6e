using VmAddon.Launcher.Kvm;

namespace VmAddon.Launcher.Tests.Kvm;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("1500ms", 1_500)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("7", 7_000)]
    public void Durations_are_read_as_Kubernetes_writes_them(string text, int milliseconds)
    {
        DurationText.TryParse(text, out var duration).Should().BeTrue();
        duration.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("soon")]
    [InlineData("10x")]
    public void Anything_else_is_refused(string? text) => DurationText.TryParse(text, out _).Should().BeFalse();
}
