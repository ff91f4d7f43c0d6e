using System.CommandLine;
using VmAddon.Core.Text;

namespace VmAddon.Cli.Commands;

/// <summary>--timeout as kubectl wait takes it: a Go duration (30s, 5m, 1h30m), or plain seconds.</summary>
internal static class TimeoutOption
{
    public static Option<TimeSpan> Create(string description, TimeSpan byDefault)
    {
        return new Option<TimeSpan>("--timeout")
        {
            Description = description,
            DefaultValueFactory = _ => byDefault,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                {
                    return TimeSpan.FromSeconds(seconds);
                }

                if (GoDuration.TryParse(text, out var duration) && duration > TimeSpan.Zero)
                {
                    return duration;
                }

                result.AddError($"--timeout {text}: not a duration; use seconds (300) or a duration such as 30s, 5m or 1h");
                return default;
            },
        };
    }
}
