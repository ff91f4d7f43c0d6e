using System.Globalization;
using VmAddon.Core.Text;

namespace VmAddon.Launcher.Kvm;

/// <summary>Reads a positive duration as Kubernetes and Go write them (500ms, 10s, 2m, 1.5s), or a bare number of seconds.</summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parsed = double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            ? TryFromSeconds(seconds, out duration)
            : GoDuration.TryParse(text, out duration);
        return parsed && duration > TimeSpan.Zero;
    }

    private static bool TryFromSeconds(double seconds, out TimeSpan duration)
    {
        duration = double.IsFinite(seconds) && seconds <= TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : default;
        return duration != default;
    }
}
