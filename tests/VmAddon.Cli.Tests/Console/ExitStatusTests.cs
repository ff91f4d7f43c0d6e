using System.Text;
using VmAddon.Cli.Console;

namespace VmAddon.Cli.Tests.Console;

public sealed class ExitStatusTests
{
    [Fact]
    public void Success_is_exit_code_0()
    {
        Read("""{"metadata":{},"status":"Success"}""").Should().Be(new ConsoleOutcome(ConsoleEnding.RemoteExited, 0, null));
    }

    [Fact]
    public void A_non_zero_exit_gives_its_code_and_the_message()
    {
        var outcome = Read("""
            {"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3",
             "reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}
            """);

        outcome.Should().Be(new ConsoleOutcome(ConsoleEnding.RemoteExited, 3,
            "command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3"));
    }

    [Fact]
    public void A_command_that_could_not_run_has_no_exit_code_and_says_why()
    {
        var outcome = Read("""
            {"metadata":{},"status":"Failure","message":"Internal error occurred: error executing command in container: no such file","reason":"InternalError","code":500}
            """);

        outcome.Should().Be(new ConsoleOutcome(ConsoleEnding.RemoteExited, null, "Internal error occurred: error executing command in container: no such file"));
    }

    [Fact]
    public void A_non_zero_exit_without_a_readable_code_keeps_the_message()
    {
        var outcome = Read("""{"status":"Failure","message":"exit","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"x"}]}}""");

        outcome.Should().Be(new ConsoleOutcome(ConsoleEnding.RemoteExited, null, "exit"));
    }

    [Fact]
    public void A_status_that_is_not_json_is_reported_as_text()
    {
        Read("error executing command: boom\n").Should().Be(new ConsoleOutcome(ConsoleEnding.RemoteExited, null, "error executing command: boom"));
    }

    private static ConsoleOutcome Read(string status) => ExitStatus.ToOutcome(Encoding.UTF8.GetBytes(status));
}
