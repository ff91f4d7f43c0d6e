using System.Globalization;

namespace VmAddon.DevCluster.Tables;

/// <summary>Ages as kubectl shows them (<c>45s</c>, <c>3m20s</c>, <c>3h10m</c>, <c>2d</c>): a port of k8s.io/apimachinery's <c>duration.HumanDuration</c>.</summary>
public static class HumanDuration
{
    /// <summary>About two or three significant figures of <paramref name="d"/>; up to two seconds in the future reads as <c>0s</c>, further is <c>&lt;invalid&gt;</c>.</summary>
    public static string Format(TimeSpan d)
    {
        // Go's int(d.Seconds()) truncates toward zero, so -1.9s still counts as "now" (clock skew).
        var seconds = (long)d.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 60 * 2)
        {
            return Invariant($"{seconds}s");
        }

        var minutes = d.Ticks / TimeSpan.TicksPerMinute;
        if (minutes < 10)
        {
            var s = d.Ticks / TimeSpan.TicksPerSecond % 60;
            return s == 0 ? Invariant($"{minutes}m") : Invariant($"{minutes}m{s}s");
        }

        if (minutes < 60 * 3)
        {
            return Invariant($"{minutes}m");
        }

        var hours = d.Ticks / TimeSpan.TicksPerHour;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? Invariant($"{hours}h") : Invariant($"{hours}h{m}m");
        }

        if (hours < 48)
        {
            return Invariant($"{hours}h");
        }

        if (hours < 24 * 8)
        {
            var h = hours % 24;
            return h == 0 ? Invariant($"{hours / 24}d") : Invariant($"{hours / 24}d{h}h");
        }

        if (hours < 24 * 365 * 2)
        {
            return Invariant($"{hours / 24}d");
        }

        if (hours < 24 * 365 * 8)
        {
            var dy = hours / 24 % 365;
            return dy == 0 ? Invariant($"{hours / 24 / 365}y") : Invariant($"{hours / 24 / 365}y{dy}d");
        }

        return Invariant($"{hours / 24 / 365}y");
    }

    /// <summary>The age of a timestamp at <paramref name="now"/>, or <c>&lt;unknown&gt;</c> for a zero (absent) timestamp, as the printers' <c>translateTimestampSince</c>.</summary>
    public static string Since(DateTimeOffset? timestamp, DateTimeOffset now) =>
        timestamp is { } t ? Format(now - t) : "<unknown>";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
