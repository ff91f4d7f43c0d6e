using System.Net;
using VmAddon.DevCluster.Kubelet;

namespace VmAddon.DevCluster.Tests.Kubelet;

public sealed class KubeletServerTests : IAsyncLifetime, IDisposable
{
    private readonly HostPodRuntime _runtime = new();
    private readonly CriLogFiles _files = new();
    private readonly HttpClient _http = new();
    private KubeletServer _server = null!;

    public async Task InitializeAsync()
    {
        // The tty test sends its first size right after connecting; a loaded CI machine can take longer than the default 1 s wait.
        _server = await KubeletServer.StartAsync(_runtime, new KubeletServerOptions { FirstResizeWait = TimeSpan.FromSeconds(15) });
        _runtime.Add("ns", "p", "c");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task Exec_over_v5_frames_stdout_and_stderr_and_ends_with_the_exit_status()
    {
        using var client = await ExecClient.ConnectAsync(Exec("stdout=1&stderr=1", "sh", "-c", "echo out; echo err >&2; exit 3"), "v5.channel.k8s.io");
        await client.ReceiveAllAsync();

        client.Protocol.Should().Be("v5.channel.k8s.io");
        client.Frames[1][0].Should().BeEmpty("the kubelet announces the connection with an empty frame on the first output channel");
        client.Text(1).Should().Be("out\n");
        client.Text(2).Should().Be("err\n");
        client.Text(3).Should().Contain("\"reason\":\"NonZeroExitCode\"").And.Contain("""{"reason":"ExitCode","message":"3"}""");
    }

    [Fact]
    public async Task A_v5_stdin_close_ends_the_commands_input()
    {
        using var client = await ExecClient.ConnectAsync(Exec("stdin=true&stdout=true", "cat"), "v5.channel.k8s.io");
        await client.SendAsync([0, .. "piped\n"u8]);
        await client.SendAsync(255, 0);
        await client.ReceiveAllAsync();

        client.Text(1).Should().Be("piped\n");
        client.Text(3).Should().Be("""{"metadata":{},"status":"Success"}""");
    }

    [Fact]
    public async Task Older_clients_get_v4_or_the_plain_text_error_channel()
    {
        using var v4 = await ExecClient.ConnectAsync(Exec("stdout=1", "sh", "-c", "exit 2"), "v4.channel.k8s.io", "channel.k8s.io");
        await v4.ReceiveAllAsync();
        using var v1 = await ExecClient.ConnectAsync(Exec("stdout=1", "sh", "-c", "exit 2"), "channel.k8s.io");
        await v1.ReceiveAllAsync();

        v4.Protocol.Should().Be("v4.channel.k8s.io");
        v4.Text(3).Should().Contain("\"message\":\"2\"");
        v1.Text(3).Should().Be("command terminated with non-zero exit code: error executing command [sh -c exit 2], exit code 2");
    }

    [Fact]
    public async Task A_tty_exec_starts_at_the_clients_first_size_and_follows_resizes()
    {
        using var client = await ExecClient.ConnectAsync(Exec("stdin=1&stdout=1&stderr=1&tty=1", "sh", "-c", "stty size; read x; stty size"), "v5.channel.k8s.io");
        var receiving = client.ReceiveAllAsync();
        await client.SendAsync([4, .. """{"Width":120,"Height":40}"""u8]);
        await client.WaitForAsync(1, t => t.Contains("40 120", StringComparison.Ordinal), "the first size");
        await client.SendAsync([4, .. """{"Width":60,"Height":20}"""u8]);
        await client.SendAsync([0, .. "\r"u8]);
        await receiving;

        client.Frames.Should().NotContainKey(2, "with a tty, stderr is merged into stdout");
        client.Text(1).Should().StartWith("40 120\r\n").And.EndWith("20 60\r\n");
    }

    [Fact]
    public async Task A_container_the_runtime_cannot_exec_into_gets_an_internal_error_status()
    {
        using var client = await ExecClient.ConnectAsync(new Uri($"ws://{_server.Endpoint}/exec/ns/p/missing?stdout=1&command=true"), "v5.channel.k8s.io");
        await client.ReceiveAllAsync();

        client.Text(3).Should().Contain("Internal error occurred: error executing command in container: container \\u0022missing\\u0022 in pod \\u0022p\\u0022 is not running");
    }

    [Fact]
    public async Task Exec_refuses_requests_without_streams_or_without_a_WebSocket()
    {
        var noStreams = await _http.GetAsync(new Uri($"http://{_server.Endpoint}/exec/ns/p/c?command=true"));
        var plain = await _http.GetAsync(new Uri($"http://{_server.Endpoint}/exec/ns/p/c?command=true&stdout=1"));

        noStreams.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noStreams.Content.ReadAsStringAsync()).Should().Be("you must specify at least 1 of stdin, stdout, stderr");
        plain.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await plain.Content.ReadAsStringAsync()).Should().Be("Upgrade request required");
    }

    [Fact]
    public async Task ContainerLogs_serves_the_log_file_with_the_query_options()
    {
        var path = _files.NewPath();
        await using (var writer = CriLogWriter.Open(path))
        {
            writer.WriteRecord(CriLogFiles.At(0), CriLogStream.Stdout, "one"u8, partial: false);
            writer.WriteRecord(CriLogFiles.At(1), CriLogStream.Stderr, "two"u8, partial: false);
        }

        _runtime.Add("ns", "logged", "c", path);

        (await _http.GetStringAsync(new Uri($"http://{_server.Endpoint}/containerLogs/ns/logged/c"))).Should().Be("one\ntwo\n");
        (await _http.GetStringAsync(new Uri($"http://{_server.Endpoint}/containerLogs/ns/logged/c?tailLines=1&timestamps=true")))
            .Should().Be("2026-11-24T21:00:01.000000000Z two\n");
        (await _http.GetStringAsync(new Uri($"http://{_server.Endpoint}/containerLogs/ns/logged/c?follow=true"))).Should().Be("one\ntwo\n", "a complete file ends a follow");
    }

    [Fact]
    public async Task ContainerLogs_answers_as_the_kubelet_when_there_is_no_log()
    {
        var previous = await _http.GetAsync(new Uri($"http://{_server.Endpoint}/containerLogs/ns/p/c?previous=true"));
        var unknown = await _http.GetAsync(new Uri($"http://{_server.Endpoint}/containerLogs/ns/nope/c"));
        var invalid = await _http.GetAsync(new Uri($"http://{_server.Endpoint}/containerLogs/ns/p/c?tailLines=-1"));

        previous.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await previous.Content.ReadAsStringAsync()).Should().Be("previous terminated container \"c\" in pod \"p\" not found");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).Should().Be("container \"c\" not found in pod \"nope\"");
        invalid.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    private Uri Exec(string streams, params string[] command) =>
        new($"ws://{_server.Endpoint}/exec/ns/p/c?{streams}{string.Concat(command.Select(c => "&command=" + Uri.EscapeDataString(c)))}");
}
