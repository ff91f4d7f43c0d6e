using VmAddon.Launcher.Commands;

namespace VmAddon.Launcher.Tests.Commands;

/// <summary>The pod entrypoint's argument handling, run in process: wrong arguments never start anything.</summary>
public sealed class ArgumentTests
{
    [Fact]
    public async Task A_malformed_plan_argument_exits_2_naming_it()
    {
        var (exitCode, error) = await RunAsync("--namespace", "ns", "--name", "web", "--uid", "u", "--grace-period-seconds", "30", "--empty-disk", "/d/empty-disk-x.qcow2=big");

        exitCode.Should().Be(2);
        error.Should().Contain("--empty-disk: \"big\" is not a whole number of bytes.");
    }

    [Fact]
    public async Task A_negative_grace_period_exits_2()
    {
        var (exitCode, error) = await RunAsync("--namespace", "ns", "--name", "web", "--uid", "u", "--grace-period-seconds", "-1");

        exitCode.Should().Be(2);
        error.Should().Contain("--grace-period-seconds");
    }

    [Fact]
    public async Task A_missing_identity_exits_non_zero_naming_the_option()
    {
        var (exitCode, error) = await RunAsync("--namespace", "ns", "--name", "web", "--grace-period-seconds", "30");

        exitCode.Should().NotBe(0);
        error.Should().Contain("--uid");
    }

    [Fact]
    public async Task A_probe_deadline_that_is_not_a_duration_exits_2()
    {
        var (exitCode, error) = await RunAsync("probe-kvm", "--deadline", "soon");

        exitCode.Should().Be(2);
        error.Should().Contain("--deadline: \"soon\" is not a duration");
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var streams = new LauncherStreams(Stream.Null, Stream.Null, output, error);
        var exitCode = await LauncherApplication.RunAsync(args, streams, CancellationToken.None);
        return (exitCode, error.ToString());
    }
}
