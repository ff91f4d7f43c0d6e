using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VmAddon.DevCluster.Kubelet;

/// <summary>A node's kubelet API, as the API server reaches it for pods/log and pods/exec: <c>GET /containerLogs/NS/POD/CONTAINER</c> and <c>/exec/NS/POD/CONTAINER</c> over WebSocket.</summary>
/// <remarks>
/// Plain HTTP (the real kubelet serves TLS). Exec speaks the remote-command channel protocols v5.channel.k8s.io, v4, v1 and their
/// base64 forms, not SPDY. Attach and port-forward are not served.
/// </remarks>
public sealed partial class KubeletServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IPodRuntime _runtime;
    private readonly KubeletServerOptions _options;
    private readonly ILogger _log;

    private KubeletServer(WebApplication app, IPodRuntime runtime, KubeletServerOptions options)
    {
        _app = app;
        _runtime = runtime;
        _options = options;
        _log = app.Logger;
        app.UseWebSockets();
        app.Run(DispatchAsync);
    }

    /// <summary>The address and port it listens on; the port goes in the Node's status.daemonEndpoints.kubeletEndpoint.Port.</summary>
    public IPEndPoint Endpoint { get; private set; } = new(IPAddress.Loopback, 0);

    /// <summary>Starts listening.</summary>
    public static async Task<KubeletServer> StartAsync(IPodRuntime runtime, KubeletServerOptions? options = null, Action<ILoggingBuilder>? logging = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        options ??= new KubeletServerOptions();
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(options.Listen));
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        var server = new KubeletServer(builder.Build(), runtime, options);
        await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = new Uri(server._app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        server.Endpoint = new IPEndPoint(options.Listen.Address, bound.Port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var segments = (context.Request.Path.Value ?? "/").Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var method = context.Request.Method;
        try
        {
            switch (segments)
            {
                case ["healthz"]:
                    await WriteTextAsync(context, 200, "ok").ConfigureAwait(false);
                    break;
                case ["containerLogs", var ns, var pod, var container] when method == "GET":
                    await LogsAsync(context, ns, pod, container).ConfigureAwait(false);
                    break;
                case ["exec", var ns, var pod, var container] when method is "GET" or "POST":
                    await ExecAsync(context, ns, pod, container).ConfigureAwait(false);
                    break;
                case ["exec", var ns, var pod, _, var container] when method is "GET" or "POST":
                    await ExecAsync(context, ns, pod, container).ConfigureAwait(false);
                    break;
                default:
                    await WriteTextAsync(context, 404, "404 page not found").ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private async Task LogsAsync(HttpContext context, string ns, string pod, string container)
    {
        var query = context.Request.Query;
        var options = LogOptions(query, _options.Time.GetUtcNow(), out var previous);
        if (options is null)
        {
            await WriteTextAsync(context, 422, """{"message": "Invalid request."}""").ConfigureAwait(false);
            return;
        }

        string? path;
        try
        {
            path = _runtime.LogPath(ns, pod, container, previous);
        }
        catch (PodRuntimeException e)
        {
            await WriteTextAsync(context, 404, e.Message).ConfigureAwait(false);
            return;
        }

        if (path is null || !File.Exists(path))
        {
            await WriteTextAsync(context, 400, previous
                ? $"previous terminated container \"{container}\" in pod \"{pod}\" not found"
                : $"container \"{container}\" in pod \"{pod}\" is not available").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        Func<bool>? isCurrent = previous ? null : () => IsCurrent(ns, pod, container, path);
        await CriLogReader.ReadAsync(path, options with { PollInterval = _options.LogPollInterval }, context.Response.Body, isCurrent, context.RequestAborted)
            .ConfigureAwait(false);
    }

    private bool IsCurrent(string ns, string pod, string container, string path)
    {
        try
        {
            return _runtime.LogPath(ns, pod, container, previous: false) == path;
        }
        catch (PodRuntimeException)
        {
            return false;
        }
    }

    private async Task ExecAsync(HttpContext context, string ns, string pod, string container)
    {
        var query = context.Request.Query;
        var command = query["command"].Where(c => c is not null).Select(c => c!).ToArray();
        var streams = ExecStreams.Parse(name => query.TryGetValue(name, out var v) ? v.ToString() : null, out var error);
        if (streams is null)
        {
            await WriteTextAsync(context, 400, error!).ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            var upgrade = context.Request.Headers.Upgrade.ToString();
            await WriteTextAsync(context, 400, upgrade.Contains("SPDY", StringComparison.OrdinalIgnoreCase)
                ? "SPDY is not supported by this kubelet: connect with a WebSocket and the v5.channel.k8s.io subprotocol (kubectl 1.30 or later)"
                : "Upgrade request required").ConfigureAwait(false);
            return;
        }

        var requested = context.WebSockets.WebSocketRequestedProtocols;
        if (ChannelProtocol.Negotiate([.. requested]) is not { } protocol)
        {
            await WriteTextAsync(context, 400,
                $"requested protocol(s) are not supported: [{string.Join(' ', requested)}]; supports [{string.Join(' ', ChannelProtocol.All.Select(p => p.Name))}]").ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(protocol.Name.Length == 0 ? null : protocol.Name).ConfigureAwait(false);
        LogExec(_log, ns, pod, container, protocol.Name, streams.Tty, string.Join(' ', command));
        var session = new ExecSession(socket, protocol, streams, command, _options, _log);
        var request = new ExecRequest(ns, pod, container, command, streams.Stdin, streams.Tty);
        await session.RunAsync(ct => _runtime.ExecAsync(request, ct), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>PodLogOptions from the query as the kubelet reads them (with the legacy tail parameter); null when ValidatePodLogOptions would refuse them.</summary>
    internal static CriLogOptions? LogOptions(IQueryCollection query, DateTimeOffset now, out bool previous)
    {
        string? Value(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        previous = ExecStreams.Flag(Value("previous"));
        var tail = Value("tailLines");
        if (Value("tail") is { Length: > 0 } legacy)
        {
            tail = legacy == "all" ? null : legacy;
        }

        if (!TryLong(tail, out var tailLines) || !TryLong(Value("limitBytes"), out var limitBytes) || !TryLong(Value("sinceSeconds"), out var sinceSeconds))
        {
            return null;
        }

        DateTimeOffset? sinceTime = null;
        if (Value("sinceTime") is { Length: > 0 } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return null;
            }

            sinceTime = parsed;
        }

        if (tailLines < 0 || limitBytes < 1 || (sinceSeconds is not null && sinceTime is not null) || sinceSeconds < 1)
        {
            return null;
        }

        CriLogStream? stream = Value("stream") switch
        {
            "Stdout" => CriLogStream.Stdout,
            "Stderr" => CriLogStream.Stderr,
            _ => null,
        };
        return new CriLogOptions
        {
            TailLines = tailLines,
            LimitBytes = limitBytes,
            Since = sinceSeconds is { } seconds ? now.AddSeconds(-seconds) : sinceTime,
            Follow = ExecStreams.Flag(Value("follow")),
            Timestamps = ExecStreams.Flag(Value("timestamps")),
            Stream = stream,
        };
    }

    private static bool TryLong(string? text, out long? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    private static async Task WriteTextAsync(HttpContext context, int code, string text)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "text/plain; charset=utf-8";
        var body = Encoding.UTF8.GetBytes(text);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "exec namespace={Namespace} pod={Pod} container={Container} protocol={Protocol} tty={Tty} command={Command}")]
    private static partial void LogExec(ILogger logger, string @namespace, string pod, string container, string protocol, bool tty, string command);
}
