using System.Globalization;
using System.Text;

namespace VmAddon.DevCluster.Kubelet;

/// <summary>A CRI log record's time with the nanoseconds the format carries (DateTimeOffset stops at 100 ns).</summary>
public readonly record struct CriTimestamp(long UnixSeconds, int Nanoseconds) : IComparable<CriTimestamp>
{
    /// <summary>The instant, truncated to 100 ns.</summary>
    public DateTimeOffset Instant => DateTimeOffset.FromUnixTimeSeconds(UnixSeconds).AddTicks(Nanoseconds / 100);

    public static CriTimestamp From(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var seconds = utc.ToUnixTimeSeconds();
        var ticks = utc.UtcTicks - DateTimeOffset.FromUnixTimeSeconds(seconds).UtcTicks;
        return new CriTimestamp(seconds, (int)(ticks * 100));
    }

    /// <summary>RFC 3339 with exactly nine fractional digits in UTC, as the kubelet prints timestamps (RFC3339NanoFixed).</summary>
    public override string ToString() =>
        DateTimeOffset.FromUnixTimeSeconds(UnixSeconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
        + "." + Nanoseconds.ToString("D9", CultureInfo.InvariantCulture) + "Z";

    /// <summary>Parses RFC 3339 with any number of fractional digits (none included) and a Z or ±hh:mm offset, as the kubelet's lenient reader does.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out CriTimestamp timestamp)
    {
        timestamp = default;
        // yyyy-MM-ddTHH:mm:ss is 19 bytes.
        if (text.Length < 20 || text[10] != 'T')
        {
            return false;
        }

        if (!DateTime.TryParseExact(Encoding.ASCII.GetString(text[..19]), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var whole))
        {
            return false;
        }

        var rest = text[19..];
        var nanos = 0;
        if (rest[0] == '.')
        {
            var digits = 0;
            rest = rest[1..];
            while (digits < rest.Length && rest[digits] is >= (byte)'0' and <= (byte)'9')
            {
                if (digits < 9)
                {
                    nanos = (nanos * 10) + (rest[digits] - '0');
                }

                digits++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (var pad = digits; pad < 9; pad++)
            {
                nanos *= 10;
            }

            rest = rest[digits..];
        }

        long offsetSeconds;
        if (rest.Length == 1 && rest[0] is (byte)'Z' or (byte)'z')
        {
            offsetSeconds = 0;
        }
        else if (rest.Length == 6 && rest[0] is (byte)'+' or (byte)'-' && rest[3] == ':'
                 && int.TryParse(rest[1..3], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                 && int.TryParse(rest[4..6], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            offsetSeconds = ((hours * 60) + minutes) * 60 * (rest[0] == '-' ? -1 : 1);
        }
        else
        {
            return false;
        }

        timestamp = new CriTimestamp(new DateTimeOffset(whole, TimeSpan.Zero).ToUnixTimeSeconds() - offsetSeconds, nanos);
        return true;
    }

    public int CompareTo(CriTimestamp other) =>
        UnixSeconds != other.UnixSeconds ? UnixSeconds.CompareTo(other.UnixSeconds) : Nanoseconds.CompareTo(other.Nanoseconds);

    public static bool operator <(CriTimestamp left, CriTimestamp right) => left.CompareTo(right) < 0;

    public static bool operator >(CriTimestamp left, CriTimestamp right) => left.CompareTo(right) > 0;

    public static bool operator <=(CriTimestamp left, CriTimestamp right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CriTimestamp left, CriTimestamp right) => left.CompareTo(right) >= 0;
}
