namespace VmAddon.Cli.Tests;

/// <summary>Every command's --help explains it and ends with an example to copy; help needs no cluster.</summary>
public class HelpTests
{
    public static TheoryData<string> Commands => new()
    {
        "start", "stop", "restart", "pause", "unpause", "console", "expose", "create", "create vm", "wait", "version",
        "validate", "render", "convert", "completion",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_shows_usage_and_an_example(string command)
    {
        var run = await CliRun.RunAsync("", [.. command.Split(' '), "--help", "--kubeconfig", "/nonexistent"]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("Usage:").And.Contain("Examples:\n  ");
        run.Output[run.Output.IndexOf("Examples:", StringComparison.Ordinal)..].Should().Contain("kubectl vm ");
    }

    [Fact]
    public async Task A_bare_kubectl_vm_lists_its_commands()
    {
        var run = await CliRun.RunAsync("");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("Commands:").And.Contain("console <NAME>");
    }
}
