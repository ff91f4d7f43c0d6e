using System.Globalization;
using System.Text.RegularExpressions;

namespace VmAddon.Core.Text;

/// <summary>Durations as Kubernetes flags write them: 40s, 2m, 1m30s, 500ms, 1h.</summary>
public static partial class GoDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var matches = Part().Matches(text);
        if (text.Length == 0 || matches.Sum(m => m.Length) != text.Length)
        {
            return false;
        }

        foreach (Match m in matches)
        {
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
        }

        return true;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex Part();
}
