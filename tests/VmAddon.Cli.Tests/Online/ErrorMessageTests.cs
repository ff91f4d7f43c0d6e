using VmAddon.Api;

namespace VmAddon.Cli.Tests.Online;

/// <summary>Each failure is one line that says what happened and what to do, with exit 1; a wrong command line exits 2.</summary>
public sealed class ErrorMessageTests(ApiCluster cluster) : IClassFixture<ApiCluster>
{
    [Fact]
    public async Task A_missing_vm_names_its_namespace_and_how_to_find_it()
    {
        var ns = await cluster.NewNamespaceAsync();

        var run = await cluster.VmAsync("stop", "ghost", "-n", ns);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be($"error: virtualmachine \"ghost\" not found in namespace \"{ns}\" (try: kubectl get vm -A)\n");
    }

    [Fact]
    public async Task A_missing_namespace_is_named_as_the_reason()
    {
        var run = await cluster.VmAsync("start", "web", "-n", "no-such-namespace");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be("error: namespace \"no-such-namespace\" not found (try: kubectl get namespaces, then -n NAMESPACE)\n");
    }

    [Fact]
    public async Task An_unreachable_cluster_says_where_it_looked_and_what_to_check()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"unreachable-{Guid.NewGuid():N}.kubeconfig");
        var port = LocalClusterProcess.FreePort();
        await File.WriteAllTextAsync(kubeconfig, (await File.ReadAllTextAsync(cluster.Kubeconfig)).Replace(cluster.Server.BaseAddress.ToString().TrimEnd('/'), $"http://127.0.0.1:{port}"));
        try
        {
            var run = await CliRun.RunAsync("", "--kubeconfig", kubeconfig, "start", "web");

            run.ExitCode.Should().Be(1);
            run.Error.Should().StartWith($"error: cannot reach the cluster at http://127.0.0.1:{port}: Connection refused (is it running? check: kubectl cluster-info");
            run.Error.TrimEnd('\n').Should().NotContain("\n", "the error is one line, never a stack trace");
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Theory]
    [InlineData("/nonexistent/kubeconfig", "error: --kubeconfig /nonexistent/kubeconfig: no such file\n")]
    [InlineData("/dev/null", "error: /dev/null: it is not a kubeconfig (see: kubectl config view)\n")]
    public async Task A_bad_kubeconfig_is_named(string path, string expected)
    {
        var run = await CliRun.RunAsync("", "--kubeconfig", path, "start", "web");

        (run.ExitCode, run.Error).Should().Be((1, expected));
    }

    [Fact]
    public async Task An_unknown_context_points_at_the_contexts_there_are()
    {
        var run = await cluster.VmAsync("--context", "nope", "start", "web");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be($"error: context \"nope\" is not in {cluster.Kubeconfig} (see: kubectl config get-contexts)\n");
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("stop")]
    [InlineData("pause", "vx", "web")]
    [InlineData("wait", "web", "--for", "Sleeping")]
    public async Task A_wrong_command_line_exits_2_and_points_at_help(params string[] args)
    {
        var run = await cluster.VmAsync(args);

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("error: ").And.Contain("--help' for usage.");
    }

    [Fact]
    public async Task Wait_gives_up_at_its_timeout_with_the_state_it_saw()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Halted);

        var run = await cluster.VmAsync("wait", "web", "--for", "Running", "--timeout", "1s", "-n", ns);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be("error: timed out after 1s waiting for virtualmachine web to be Running; it is Stopped (see: kubectl describe vm web)\n");
    }

    [Fact]
    public async Task A_wait_shows_progress_on_a_terminal_and_stays_quiet_when_piped()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Halted);
        string[] args = ["--kubeconfig", cluster.Kubeconfig, "wait", "web", "--for", "Running", "--timeout", "2s", "-n", ns];

        var terminal = await CliRun.RunOnTerminalAsync(args);
        var piped = await CliRun.RunAsync("", args);

        terminal.Error.Should().Contain("\r\u001b[2K").And.Contain("waiting for virtualmachine web to be Running: Stopped (");
        piped.Error.Should().NotContain("\r").And.StartWith("error: timed out");
    }

    [Fact]
    public async Task Wait_returns_once_the_status_is_there()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Always, PrintableStatus.Running);

        var run = await cluster.VmAsync("wait", "web", "--for", "Running", "-n", ns);

        (run.ExitCode, run.Output).Should().Be((0, "VM web is Running\n"));
    }

    [Fact]
    public async Task Console_of_a_stopped_vm_says_to_start_it()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Halted);

        var run = await cluster.VmAsync("console", "web", "-n", ns);

        (run.ExitCode, run.Error).Should().Be((1, "error: virtualmachine \"web\" is Stopped (start it: kubectl vm start web)\n"));
    }
}
