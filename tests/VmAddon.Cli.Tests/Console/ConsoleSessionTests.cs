using System.Net.Sockets;
using System.Text;
using k8s;
using k8s.Autorest;
using VmAddon.Cli.Console;
using VmAddon.Terminal;

namespace VmAddon.Cli.Tests.Console;

/// <summary>ConsoleSession against a real local cluster: commands exec'd with a TTY in a host pod, driven from a fake terminal.</summary>
public sealed class ConsoleSessionTests(ConsoleCluster cluster) : IClassFixture<ConsoleCluster>
{
    // Only a hang guard: a session that should end but does not fails the test instead of hanging the suite.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static readonly TerminalSize Standard = new(Columns: 80, Rows: 24);

    [Fact]
    public async Task The_remote_sees_the_terminal_size_and_typed_text_comes_back()
    {
        using var terminal = new FakeTerminal(new TerminalSize(Columns: 132, Rows: 43));
        var session = Attach(terminal, "sh", "-c", "stty size; exec cat");

        await terminal.Screen.WaitForAsync("43 132");
        terminal.Keys.Type("typed by the user\r");
        await terminal.Screen.WaitForAsync("typed by the user\r\ntyped by the user\r\n");
        terminal.Keys.Type(DetachKey.Value);
        var outcome = await session.WaitAsync(HangGuard);

        outcome.Ending.Should().Be(ConsoleEnding.Detached);
    }

    [Fact]
    public async Task A_resize_reaches_the_remote()
    {
        using var terminal = new FakeTerminal(Standard);
        var session = Attach(terminal, "sh", "-c", "trap 'stty size' WINCH; stty size; while :; do sleep 0.1; done");
        await terminal.Screen.WaitForAsync("24 80");

        terminal.Resize(new TerminalSize(Columns: 120, Rows: 40));
        await terminal.Screen.WaitForAsync("40 120");
        terminal.Keys.Type(DetachKey.Value);

        (await session.WaitAsync(HangGuard)).Ending.Should().Be(ConsoleEnding.Detached);
    }

    [Fact]
    public async Task Ctrl_close_bracket_detaches_after_sending_what_was_typed_before_it()
    {
        using var terminal = new FakeTerminal(Standard);
        var session = Attach(terminal, "cat");

        terminal.Keys.Type("before\r\u001dafter\r");
        var outcome = await session.WaitAsync(HangGuard);

        outcome.Ending.Should().Be(ConsoleEnding.Detached);
        terminal.Screen.Text.Should().Contain("before").And.NotContain("after");
    }

    [Fact]
    public async Task The_end_of_piped_input_detaches()
    {
        using var terminal = new FakeTerminal(size: null);
        var session = Attach(terminal, "cat");

        terminal.Keys.Type("piped\r");
        terminal.Keys.End();
        var outcome = await session.WaitAsync(HangGuard);

        outcome.Ending.Should().Be(ConsoleEnding.Detached);
        terminal.Screen.Text.Should().Contain("piped");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task A_command_that_exits_by_itself_reports_its_exit_code(int code)
    {
        using var terminal = new FakeTerminal(Standard);

        var outcome = await Attach(terminal, "sh", "-c", $"echo leaving; exit {code}").WaitAsync(HangGuard);

        outcome.Ending.Should().Be(ConsoleEnding.RemoteExited);
        outcome.ExitCode.Should().Be(code);
        if (code != 0)
        {
            outcome.Message.Should().Contain($"exit code {code}");
        }

        terminal.Screen.Text.Should().Be("leaving\r\n", "the session writes nothing but the remote's bytes");
    }

    [Fact]
    public async Task A_command_killed_from_outside_is_reported_as_its_exit()
    {
        using var terminal = new FakeTerminal(Standard);
        var session = Attach(terminal, "sh", "-c", "echo pid=$$; exec sleep 600");
        await terminal.Screen.WaitForAsync("\r\n");
        var pid = int.Parse(terminal.Screen.Text.Split('=')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);

        System.Diagnostics.Process.GetProcessById(pid).Kill();
        var outcome = await session.WaitAsync(HangGuard);

        // The kubelet sees the process end, so the API server reports an exit (128 + SIGKILL), not a lost connection.
        outcome.Ending.Should().Be(ConsoleEnding.RemoteExited);
        outcome.ExitCode.Should().Be(137);
    }

    [Fact]
    public async Task A_cut_connection_is_reported_as_dropped()
    {
        await using var relay = new CuttableRelay(new Uri(cluster.Configuration.Host));
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath);
        configuration.Host = relay.Address.ToString();
        using var client = new Kubernetes(configuration);
        using var terminal = new FakeTerminal(Standard);
        var session = ConsoleSession.AttachAsync(client, Target("cat"), terminal, CancellationToken.None);
        terminal.Keys.Type("still there?\r");
        await terminal.Screen.WaitForAsync("still there?\r\nstill there?\r\n");

        relay.Cut();
        var outcome = await session.WaitAsync(HangGuard);

        outcome.Ending.Should().Be(ConsoleEnding.Dropped);
        outcome.Message.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Cancelling_ends_the_session_with_OperationCanceledException()
    {
        using var terminal = new FakeTerminal(Standard);
        using var cancel = new CancellationTokenSource();
        var session = ConsoleSession.AttachAsync(cluster.Client, Target("sh", "-c", "echo started; exec cat"), terminal, cancel.Token);
        await terminal.Screen.WaitForAsync("started");

        await cancel.CancelAsync();

        await session.Invoking(s => s.WaitAsync(HangGuard)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task An_api_server_that_cannot_be_reached_is_reported_as_dropped()
    {
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(cluster.KubeconfigPath);
        configuration.Host = $"http://127.0.0.1:{LocalClusterProcess.FreePort()}";
        using var client = new Kubernetes(configuration);
        using var terminal = new FakeTerminal(Standard);

        var outcome = await ConsoleSession.AttachAsync(client, Target("cat"), terminal, CancellationToken.None).WaitAsync(HangGuard);

        outcome.Ending.Should().Be(ConsoleEnding.Dropped);
        outcome.Message.Should().StartWith("could not connect to the API server");
    }

    [Fact]
    public async Task A_missing_pod_is_refused_before_the_session_starts()
    {
        using var terminal = new FakeTerminal(Standard);

        var attach = () => ConsoleSession.AttachAsync(cluster.Client, Target("cat") with { Pod = "no-such-pod" }, terminal, CancellationToken.None);

        var refused = (await attach.Should().ThrowAsync<HttpOperationException>()).Which;
        refused.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        refused.Response.Content.Should().Contain("\"reason\":\"NotFound\"").And.Contain("no-such-pod", "the API server's Status says what is missing");
        terminal.Screen.Text.Should().BeEmpty();
    }

    [Fact]
    public async Task The_launcher_console_relays_both_ways_and_exits_0_on_detach()
    {
        var socketPath = Path.Combine(Path.GetTempPath(), $"console-{Guid.NewGuid():N}.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen();
        try
        {
            using var terminal = new FakeTerminal(Standard);
            var session = Attach(terminal, Repository.Launcher, "console", "--socket", socketPath);
            using var guest = await listener.AcceptAsync().WaitAsync(HangGuard);

            await guest.SendAsync(Encoding.UTF8.GetBytes("login: "));
            await terminal.Screen.WaitForAsync("login: ");
            terminal.Keys.Type("root\r");
            var received = await ReceiveUntilAsync(guest, "root\r");
            terminal.Keys.Type(DetachKey.Value);
            var outcome = await session.WaitAsync(HangGuard);

            received.Should().Be("root\r", "keys reach the guest raw, as typed, without waiting for Enter");
            outcome.Should().Be(new ConsoleOutcome(ConsoleEnding.Detached, 0, null), "the launcher detaches on Ctrl+] and exits 0");
        }
        finally
        {
            File.Delete(socketPath);
        }
    }

    // What the guest received until it saw the expected text, the connection ended, or the hang guard passed.
    private static async Task<string> ReceiveUntilAsync(Socket guest, string expected)
    {
        var received = new StringBuilder();
        var buffer = new byte[256];
        using var guard = new CancellationTokenSource(HangGuard);
        try
        {
            while (!received.ToString().Contains(expected, StringComparison.Ordinal))
            {
                var read = await guest.ReceiveAsync(buffer, guard.Token);
                if (read == 0)
                {
                    break;
                }

                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (OperationCanceledException)
        {
            // Reported by the caller's assertion, with what did arrive.
        }

        return received.ToString();
    }

    private static ExecTarget Target(params string[] command) => new(ConsoleCluster.Namespace, ConsoleCluster.Pod, ConsoleCluster.Container, command);

    private Task<ConsoleOutcome> Attach(FakeTerminal terminal, params string[] command) =>
        ConsoleSession.AttachAsync(cluster.Client, Target(command), terminal, CancellationToken.None);
}
