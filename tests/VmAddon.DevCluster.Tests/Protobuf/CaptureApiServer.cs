using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using VmAddon.DevCluster.Protobuf;

namespace VmAddon.DevCluster.Tests.Protobuf;

/// <summary>
/// Just enough of an API server for kubectl's create commands: core/v1 discovery, and POSTs whose bodies are
/// kept and answered with their own decoded JSON, as the dev server would store them.
/// </summary>
internal sealed class CaptureApiServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private readonly List<CapturedRequest> _requests = [];

    public CaptureApiServer()
    {
        Url = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add($"{Url}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Returns and forgets the POSTs received so far.</summary>
    public IReadOnlyList<CapturedRequest> TakeRequests()
    {
        lock (_gate)
        {
            var taken = _requests.ToList();
            _requests.Clear();
            return taken;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
            // Stop() ends the pending GetContextAsync with this exception.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        if (request.HttpMethod == "POST")
        {
            using var buffer = new MemoryStream();
            await request.InputStream.CopyToAsync(buffer);
            var body = buffer.ToArray();
            lock (_gate)
            {
                _requests.Add(new CapturedRequest(path, request.ContentType, body));
            }

            await RespondAsync(context, 201, Echo(body));
            return;
        }

        await RespondAsync(context, path switch
        {
            "/api" => (200, ApiVersions),
            "/apis" => (200, """{"kind":"APIGroupList","apiVersion":"v1","groups":[]}"""),
            "/api/v1" => (200, CoreResources),
            _ => (404, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}"""),
        });
    }

    private static string Echo(byte[] body)
    {
        JsonObject created;
        try
        {
            created = KubeProtobuf.Decode(body);
        }
        catch (Exception e) when (e is InvalidProtobufBodyException or UnsupportedProtobufBodyException)
        {
            return """{"kind":"Status","apiVersion":"v1","status":"Success"}""";
        }

        if (created["kind"]!.GetValue<string>() == "TokenRequest")
        {
            created["status"]!["token"] = "token";
        }

        return created.ToJsonString();
    }

    private static Task RespondAsync(HttpListenerContext context, (int Code, string Json) answer) => RespondAsync(context, answer.Code, answer.Json);

    private static async Task RespondAsync(HttpListenerContext context, int code, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private const string ApiVersions = """
        {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}
        """;

    private static readonly string CoreResources = new JsonObject
    {
        ["kind"] = "APIResourceList",
        ["groupVersion"] = "v1",
        ["resources"] = new JsonArray(
            new (string Name, string Kind, bool Namespaced)[]
            {
                ("configmaps", "ConfigMap", true),
                ("secrets", "Secret", true),
                ("namespaces", "Namespace", false),
                ("serviceaccounts", "ServiceAccount", true),
                ("services", "Service", true),
                ("pods", "Pod", true),
                ("resourcequotas", "ResourceQuota", true),
            }
            .Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Name,
                ["singularName"] = r.Kind.ToLowerInvariant(),
                ["namespaced"] = r.Namespaced,
                ["kind"] = r.Kind,
                ["verbs"] = new JsonArray("create", "get", "list"),
            })
            .ToArray()),
    }.ToJsonString();
}

/// <summary>One POST the capture server received.</summary>
internal sealed record CapturedRequest(string Path, string? ContentType, byte[] Body);
