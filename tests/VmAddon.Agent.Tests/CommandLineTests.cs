namespace VmAddon.Agent.Tests;

/// <summary>A bad command line stops the agent at once with exit code 2 and a line naming the option.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--node", new string[0])]
    [InlineData("--hypervisor", new[] { "--node", "n", "--hypervisor", "xen" })]
    [InlineData("--emulation", new[] { "--node", "n", "--emulation", "fast" })]
    [InlineData("--metrics-listen", new[] { "--node", "n", "--metrics-listen", "nowhere" })]
    [InlineData("--heartbeat-interval", new[] { "--node", "n", "--heartbeat-interval", "soon" })]
    [InlineData("--kubelet-root", new[] { "--node", "n", "--kubelet-root", "relative/dir" })]
    [InlineData("--kubeconfig", new[] { "--node", "n", "--kubeconfig", "/nonexistent/kubeconfig" })]
    [InlineData("--socket-link-dir", new[] { "--node", "n", "--socket-link-dir", "/a/very/long/directory/for/links/that/would/make/every/socket/path/too/long" })]
    [InlineData("--workers", new[] { "--node", "n", "--workers", "0" })]
    [InlineData("--bogus", new[] { "--node", "n", "--bogus" })]
    public async Task A_bad_option_exits_with_2_naming_it(string option, string[] args)
    {
        using var error = new StringWriter();

        var exitCode = await AgentApplication.RunAsync(args, TextWriter.Null, error, CancellationToken.None);

        exitCode.Should().Be(AgentApplication.UsageExitCode);
        error.ToString().Should().Contain(option);
    }
}
