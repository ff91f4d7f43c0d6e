using VmAddon.DevCluster.Tables;

namespace VmAddon.DevCluster.Tests.Tables;

/// <summary>Cases from apimachinery's duration_test.go (TestHumanDuration, TestHumanDurationBoundaries).</summary>
public sealed class HumanDurationTests
{
    private const long Ms = TimeSpan.TicksPerMillisecond;
    private const long S = TimeSpan.TicksPerSecond;
    private const long M = TimeSpan.TicksPerMinute;
    private const long H = TimeSpan.TicksPerHour;
    private const long D = TimeSpan.TicksPerDay;
    private const long Y = 365 * D;

    [Theory]
    [InlineData(S, "1s")]
    [InlineData(70 * S, "70s")]
    [InlineData(190 * S, "3m10s")]
    [InlineData(70 * M, "70m")]
    [InlineData(47 * H, "47h")]
    [InlineData(49 * H, "2d1h")]
    [InlineData((8 * 24 + 2) * H, "8d")]
    [InlineData(367 * D, "367d")]
    [InlineData(2 * Y + 25 * H, "2y1d")]
    [InlineData(8 * Y + 2 * H, "8y")]
    [InlineData(-2 * S, "<invalid>")]
    [InlineData(-2 * S + 1, "0s")]
    [InlineData(0, "0s")]
    [InlineData(S - Ms, "0s")]
    [InlineData(2 * M - Ms, "119s")]
    [InlineData(2 * M, "2m")]
    [InlineData(2 * M + S, "2m1s")]
    [InlineData(10 * M - Ms, "9m59s")]
    [InlineData(10 * M, "10m")]
    [InlineData(10 * M + S, "10m")]
    [InlineData(3 * H - Ms, "179m")]
    [InlineData(3 * H, "3h")]
    [InlineData(3 * H + M, "3h1m")]
    [InlineData(8 * H - Ms, "7h59m")]
    [InlineData(8 * H, "8h")]
    [InlineData(8 * H + 59 * M, "8h")]
    [InlineData(2 * D - Ms, "47h")]
    [InlineData(2 * D, "2d")]
    [InlineData(8 * D - Ms, "7d23h")]
    [InlineData(8 * D, "8d")]
    [InlineData(8 * D + 23 * H, "8d")]
    [InlineData(2 * Y - Ms, "729d")]
    [InlineData(2 * Y, "2y")]
    [InlineData(2 * Y + 24 * H - Ms, "2y")]
    [InlineData(2 * Y + 24 * H, "2y1d")]
    [InlineData(7 * Y, "7y")]
    [InlineData(8 * Y - Ms, "7y364d")]
    [InlineData(8 * Y, "8y")]
    [InlineData(8 * Y + 364 * D, "8y")]
    [InlineData(9 * Y, "9y")]
    public void Format_Matches_Apimachinery(long ticks, string expected)
    {
        HumanDuration.Format(TimeSpan.FromTicks(ticks)).Should().Be(expected);
    }

    [Fact]
    public void Since_An_Absent_Timestamp_Is_Unknown()
    {
        HumanDuration.Since(null, DateTimeOffset.UnixEpoch).Should().Be("<unknown>");
    }
}
