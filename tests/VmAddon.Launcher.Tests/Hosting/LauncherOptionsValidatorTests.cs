using VmAddon.Core.Launcher.Plan;
using VmAddon.Launcher.Hosting;

namespace VmAddon.Launcher.Tests.Hosting;

public sealed class LauncherOptionsValidatorTests
{
    private static LauncherOptions Valid() => new()
    {
        Plan = new LauncherPlan("ns", "web", "uid", 30),
        RuntimeDir = "/var/run/vmaddon/libvirt",
        ConfigHome = "/var/run/vmaddon-private/config",
        CacheHome = "/var/run/vmaddon-private/cache",
    };

    [Fact]
    public void The_pods_settings_are_valid() =>
        new LauncherOptionsValidator().Validate(null, Valid()).Succeeded.Should().BeTrue();

    [Fact]
    public void Missing_XDG_directories_are_reported_by_their_variable_names()
    {
        var options = Valid();
        options.RuntimeDir = "";
        options.CacheHome = "";

        var result = new LauncherOptionsValidator().Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().Contain("--runtime-dir (default $XDG_RUNTIME_DIR) is not set.").And.Contain("XDG_CACHE_HOME is not set.");
    }

    [Fact]
    public void A_relative_directory_is_refused()
    {
        var options = Valid();
        options.ConfigHome = "config";

        new LauncherOptionsValidator().Validate(null, options).Failures.Should().ContainSingle().Which.Should().Contain("XDG_CONFIG_HOME must be an absolute path");
    }

    [Fact]
    public void A_runtime_dir_too_long_for_a_unix_socket_is_refused()
    {
        var options = Valid();
        options.RuntimeDir = "/" + new string('r', 100);

        new LauncherOptionsValidator().Validate(null, options).Failures.Should().ContainSingle().Which.Should().Contain("longer than a unix socket allows");
    }

    [Fact]
    public void The_grace_period_is_the_plans() =>
        Valid().GracePeriod.Should().Be(TimeSpan.FromSeconds(30));
}
