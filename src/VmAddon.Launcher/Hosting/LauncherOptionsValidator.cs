using Microsoft.Extensions.Options;

namespace VmAddon.Launcher.Hosting;

/// <summary>Checks <see cref="LauncherOptions"/> at startup, so a misconfigured pod fails at once with a message naming the setting.</summary>
internal sealed class LauncherOptionsValidator : IValidateOptions<LauncherOptions>
{
    /// <summary>sun_path holds 108 bytes with its terminating NUL; a longer socket path cannot be bound.</summary>
    private const int MaxSocketPathBytes = 107;

    public ValidateOptionsResult Validate(string? name, LauncherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Plan is null)
        {
            failures.Add("the launcher plan (--namespace, --name, --uid, --grace-period-seconds) is missing.");
        }

        Absolute(failures, "--runtime-dir (default $XDG_RUNTIME_DIR)", options.RuntimeDir);
        Absolute(failures, "XDG_CONFIG_HOME", options.ConfigHome);
        Absolute(failures, "XDG_CACHE_HOME", options.CacheHome);
        Absolute(failures, "--serial-log", options.SerialLogPath);
        if (System.Text.Encoding.UTF8.GetByteCount(options.SocketPath) > MaxSocketPathBytes)
        {
            failures.Add($"the libvirt socket path {options.SocketPath} is longer than a unix socket allows ({MaxSocketPathBytes} bytes); use a shorter --runtime-dir.");
        }

        Positive(failures, nameof(options.DaemonStartTimeout), options.DaemonStartTimeout);
        Positive(failures, nameof(options.DaemonStopTimeout), options.DaemonStopTimeout);
        Positive(failures, nameof(options.PollInterval), options.PollInterval);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Absolute(List<string> failures, string setting, string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            failures.Add($"{setting} is not set.");
        }
        else if (!Path.IsPathFullyQualified(path))
        {
            failures.Add($"{setting} must be an absolute path, not \"{path}\".");
        }
    }

    private static void Positive(List<string> failures, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{setting} must be positive.");
        }
    }
}
