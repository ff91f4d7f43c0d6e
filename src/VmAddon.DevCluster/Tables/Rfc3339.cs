using System.Globalization;
using System.Text.RegularExpressions;

namespace VmAddon.DevCluster.Tables;

/// <summary>Parses and formats timestamps as Go's <c>time.RFC3339</c> layout does (fractional seconds accepted on input, as Go accepts them).</summary>
internal static partial class Rfc3339
{
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var match = Layout().Match(text);
        if (!match.Success)
        {
            return false;
        }

        // .NET reads at most seven fractional digits; Go keeps nanoseconds, which no age or column shows.
        var fraction = match.Groups["fraction"].Value;
        var normalised = match.Groups["seconds"].Value + (fraction.Length > 8 ? fraction[..8] : fraction) + match.Groups["zone"].Value;
        if (!DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out time))
        {
            return false;
        }

        return true;
    }

    /// <summary>Go's <c>t.UTC().Format(time.RFC3339)</c>: whole seconds and a <c>Z</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<seconds>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?<fraction>\.\d+)?(?<zone>Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Layout();
}
