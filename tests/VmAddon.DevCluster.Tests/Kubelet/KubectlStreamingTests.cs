using System.Text;
using VmAddon.DevCluster.Kubelet;
using VmAddon.DevCluster.Streaming;
using VmAddon.DevCluster.Tests.Streaming;

namespace VmAddon.DevCluster.Tests.Kubelet;

/// <summary>kubectl logs and exec, run for real, through the dev API server to a kubelet API whose runtime runs commands on this host.</summary>
public sealed class KubectlStreamingTests(StreamingCluster cluster) : IClassFixture<StreamingCluster>
{
    private Kubectl Kubectl => cluster.Api.Kubectl;

    [Fact]
    public async Task Logs_prints_the_containers_output_with_tail_and_timestamps()
    {
        var ns = await cluster.Api.NewNamespaceAsync();
        await cluster.CreatePodAsync(ns, "p", cluster.Node, "main");
        await using (var writer = cluster.LogWriter(ns, "p", "main"))
        {
            writer.WriteRecord(CriLogFiles.At(0), CriLogStream.Stdout, "hello"u8, partial: false);
            writer.WriteRecord(CriLogFiles.At(1, 123456789), CriLogStream.Stderr, "world"u8, partial: false);
        }

        (await Kubectl.SucceedAsync($"logs p -n {ns}")).Should().Be("hello\nworld\n");
        (await Kubectl.SucceedAsync($"logs p -n {ns} --tail=1")).Should().Be("world\n");
        (await Kubectl.SucceedAsync($"logs p -n {ns} --timestamps")).Should().Be(
            "2026-11-24T21:00:00.000000000Z hello\n2026-11-24T21:00:01.123456789Z world\n");
        (await Kubectl.SucceedAsync($"logs p -n {ns} --limit-bytes=3")).Should().Be("hel");
    }

    [Fact]
    public async Task Logs_dash_c_picks_the_container()
    {
        var ns = await cluster.Api.NewNamespaceAsync();
        await cluster.CreatePodAsync(ns, "two", cluster.Node, "first", "second");
        await using (var writer = cluster.LogWriter(ns, "two", "second"))
        {
            writer.WriteRecord(CriLogStream.Stdout, "from second"u8, partial: false);
        }

        await using (var writer = cluster.LogWriter(ns, "two", "first"))
        {
            writer.WriteRecord(CriLogStream.Stdout, "from first"u8, partial: false);
        }

        (await Kubectl.SucceedAsync($"logs two -n {ns} -c second")).Should().Be("from second\n");
        var defaulted = await Kubectl.RunAsync($"logs two -n {ns}");
        defaulted.Output.Should().Be("from first\n");
        defaulted.Error.Should().Contain("Defaulted container \"first\"");
        var wrong = await Kubectl.RunAsync($"logs two -n {ns} -c third");
        wrong.ExitCode.Should().NotBe(0);
        wrong.Error.Should().Contain("container third is not valid for pod two");
    }

    [Fact]
    public async Task Logs_follow_streams_new_lines_until_stopped()
    {
        var ns = await cluster.Api.NewNamespaceAsync();
        await cluster.CreatePodAsync(ns, "f", cluster.Node, "main");
        var writer = cluster.LogWriter(ns, "f", "main");
        writer.WriteRecord(CriLogStream.Stdout, "before"u8, partial: false);
        using var kubectl = Kubectl.Start($"logs -f f -n {ns}");
        try
        {
            var output = new ProcessOutput(kubectl.StandardOutput.BaseStream);
            await output.WaitForAsync(t => t == "before\n", "the existing line");

            writer.WriteRecord(CriLogStream.Stdout, "after"u8, partial: false);

            await output.WaitForAsync(t => t == "before\nafter\n", "the followed line");
            kubectl.HasExited.Should().BeFalse();
        }
        finally
        {
            kubectl.Kill();
            await writer.DisposeAsync();
        }
    }

    [Fact]
    public async Task Logs_follow_ends_by_itself_when_the_container_run_ends()
    {
        var ns = await cluster.Api.NewNamespaceAsync();
        await cluster.CreatePodAsync(ns, "ends", cluster.Node, "main");
        var writer = cluster.LogWriter(ns, "ends", "main");
        writer.WriteRecord(CriLogStream.Stdout, "running"u8, partial: false);
        using var kubectl = Kubectl.Start($"logs -f ends -n {ns}");
        var output = new ProcessOutput(kubectl.StandardOutput.BaseStream);
        await output.WaitForAsync(t => t == "running\n", "the line so far");

        writer.WriteRecord(CriLogStream.Stdout, "exiting"u8, partial: false);
        await writer.DisposeAsync();

        await kubectl.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await output.Completion;
        kubectl.ExitCode.Should().Be(0);
        output.Text.Should().Be("running\nexiting\n");
    }

    [Fact]
    public async Task Exec_passes_stdout_and_stderr_and_the_exit_code()
    {
        var ns = await cluster.Api.NewNamespaceAsync();
        await cluster.CreatePodAsync(ns, "e", cluster.Node, "main");

        var result = await Kubectl.RunAsync($"exec e -n {ns} -- sh -c 'echo out; echo err >&2; exit 3'");

        result.ExitCode.Should().Be(3, result.Error);
        result.Output.Should().Be("out\n");
        result.Error.Should().StartWith("err\n").And.Contain("command terminated with exit code 3");
        (await Kubectl.RunAsync($"exec e -n {ns} -- true")).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Exec_dash_i_feeds_stdin_until_it_ends()
    {
        var ns = await cluster.Api.NewNamespaceAsync();
        await cluster.CreatePodAsync(ns, "i", cluster.Node, "main");

        var result = await Kubectl.RunAsync($"exec -i i -n {ns} -- sh -c 'tr a-z A-Z; echo done'", stdin: "hello\nworld\n");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Be("HELLO\nWORLD\ndone\n");
    }

    [Fact]
    public async Task Exec_dash_it_runs_on_a_terminal_that_follows_kubectls_size()
    {
        var ns = await cluster.Api.NewNamespaceAsync();
        await cluster.CreatePodAsync(ns, "t", cluster.Node, "main");
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        environment["KUBECONFIG"] = cluster.Api.KubeconfigPath;
        environment["HOME"] = Path.GetDirectoryName(cluster.Api.KubeconfigPath)!;
        // kubectl needs a terminal for -t: it runs on a pty of ours, whose size it sends on and whose resizes it forwards.
        await using var kubectl = TerminalProcess.Start(
            new ProcessCommand(Kubectl.Path, ["exec", "-it", "t", "-n", ns, "--", "sh", "-c", "tty; stty size; while read x; do stty size; done; exit 5"]) { Environment = environment },
            stdin: true, columns: 100, rows: 30);
        var output = new ProcessOutput(kubectl.Stdout);

        await output.WaitForAsync(t => t.Contains("/dev/pts/", StringComparison.Ordinal) && t.Contains("30 100", StringComparison.Ordinal), "the remote tty and its size");
        kubectl.Resize(120, 40);
        await output.WaitForAsync(t => t.Contains("40 120", StringComparison.Ordinal), "the resized terminal",
            poke: () => kubectl.Stdin!.WriteAsync(Encoding.ASCII.GetBytes("\r")).AsTask());
        await kubectl.Stdin!.WriteAsync(new byte[] { 4 });

        (await kubectl.Exited.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(5, output.Text);
        output.Text.Should().NotContain("not a tty");
    }

    [Fact]
    public async Task Kubectl_forced_onto_SPDY_is_told_to_use_WebSockets()
    {
        var ns = await cluster.Api.NewNamespaceAsync();
        await cluster.CreatePodAsync(ns, "spdy", cluster.Node, "main");
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        environment["KUBECONFIG"] = cluster.Api.KubeconfigPath;
        environment["HOME"] = Path.GetDirectoryName(cluster.Api.KubeconfigPath)!;
        environment["KUBECTL_REMOTE_COMMAND_WEBSOCKETS"] = "false";
        await using var kubectl = PipedProcess.Start(new ProcessCommand(Kubectl.Path, ["exec", "spdy", "-n", ns, "--", "true"]) { Environment = environment }, stdin: false);
        var error = new ProcessOutput(kubectl.Stderr!);
        _ = new ProcessOutput(kubectl.Stdout);

        (await kubectl.Exited.WaitAsync(TimeSpan.FromSeconds(30))).Should().NotBe(0);
        await error.Completion;
        error.Text.Should().Contain("proxies exec over WebSocket (v5.channel.k8s.io) only, not SPDY");
    }

    [Fact]
    public async Task Exec_into_a_container_the_node_cannot_run_reports_the_runtimes_error()
    {
        var ns = await cluster.Api.NewNamespaceAsync();
        await cluster.CreatePodAsync(ns, "r", cluster.Node, "main");

        var missing = await Kubectl.RunAsync($"exec r -n {ns} -- no-such-program-vmaddon");

        missing.ExitCode.Should().NotBe(0);
        missing.Error.Should().Contain("error executing command in container").And.Contain("no-such-program-vmaddon");
    }

    [Fact]
    public async Task A_pod_without_a_node_has_no_logs_and_cannot_be_exec_ed_into()
    {
        var ns = await cluster.Api.NewNamespaceAsync();
        await cluster.CreatePodAsync(ns, "pending", null, "main");

        var logs = await Kubectl.RunAsync($"logs pending -n {ns}");
        var exec = await Kubectl.RunAsync($"exec pending -n {ns} -- true");

        logs.ExitCode.Should().Be(0, logs.Error);
        logs.Output.Should().BeEmpty();
        exec.ExitCode.Should().NotBe(0);
        exec.Error.Should().Contain("pod pending does not have a host assigned");
    }

    [Fact]
    public async Task A_node_without_a_kubelet_endpoint_is_reported_as_unavailable()
    {
        var ns = await cluster.Api.NewNamespaceAsync();
        var node = "silent-" + Guid.NewGuid().ToString("N")[..6];
        await cluster.CreateNodeAsync(node, "127.0.0.1", 0);
        await cluster.CreatePodAsync(ns, "s", node, "main");

        var logs = await Kubectl.RunAsync($"logs s -n {ns}");
        var exec = await Kubectl.RunAsync($"exec s -n {ns} -- true");

        logs.ExitCode.Should().NotBe(0);
        logs.Error.Should().Contain($"node \"{node}\" has no kubelet endpoint");
        exec.ExitCode.Should().NotBe(0);
        exec.Error.Should().Contain($"node \"{node}\" has no kubelet endpoint");
    }

    [Fact]
    public async Task Invalid_log_options_are_refused_as_kube_apiserver_refuses_them()
    {
        var ns = await cluster.Api.NewNamespaceAsync();
        await cluster.CreatePodAsync(ns, "v", cluster.Node, "main");
        using var http = new HttpClient { BaseAddress = cluster.Api.Server.BaseAddress };

        var response = await http.GetAsync(new Uri($"api/v1/namespaces/{ns}/pods/v/log?tailLines=-1", UriKind.Relative));

        ((int)response.StatusCode).Should().Be(422);
        (await response.Content.ReadAsStringAsync()).Should().Contain("PodLogOptions \\u0022v\\u0022 is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0");
    }
}
