using System.Globalization;

namespace VmAddon.Launcher.Kvm;

/// <summary>Reads durations written as Kubernetes and Go write them: 500ms, 10s, 2m, 1.5s.</summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || double.IsInfinity(value * unit))
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * unit);
        return true;
    }
}
