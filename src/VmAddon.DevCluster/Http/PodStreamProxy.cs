using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Registry;

namespace VmAddon.DevCluster.Http;

/// <summary>pods/log and pods/exec: checks the request as kube-apiserver does, then proxies it to the kubelet of the pod's node.</summary>
/// <remarks>
/// Logs stream over HTTP (flushed as they come, for follow). Exec must be a WebSocket upgrade (kubectl 1.30+ speaks v5.channel.k8s.io):
/// the upgrade is forwarded to the kubelet and, once it answers 101, the two connections are spliced, so the subprotocol
/// and frames are the kubelet's own. SPDY (older kubectl, or its fallback) is refused with a message saying so.
/// </remarks>
internal sealed class PodStreamProxy(ResourceCatalog catalog, ResourceRegistry registry)
{
    private static readonly HttpClient Kubelets = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10), PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    // The WebSocket handshake headers relayed each way; anything else (extensions included) stays between its own two parties.
    private static readonly string[] UpgradeRequestHeaders = ["Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Protocol"];
    private static readonly string[] UpgradeResponseHeaders = ["Upgrade", "Sec-WebSocket-Accept", "Sec-WebSocket-Protocol"];

    public async Task LogAsync(HttpContext context, ApiResource pods, string ns, string name)
    {
        var ct = context.RequestAborted;
        var pod = await registry.GetAsync(pods, ns, name, ct).ConfigureAwait(false);
        var query = context.Request.Query;
        var kubeletQuery = LogQuery(query, name);
        var container = PodContainers.Resolve(pod, Value(query, "container"));
        var node = pod["spec"]?["nodeName"]?.GetValue<string>() ?? "";
        if (node.Length == 0)
        {
            // LogLocation returns no location for an unscheduled pod, and the LocationStreamer streams nothing.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            return;
        }

        var kubelet = await KubeletLocation.FindAsync(catalog, registry, node, ct).ConfigureAwait(false);
        var url = new Uri($"http://{kubelet.Authority}/containerLogs/{Escape(ns)}/{Escape(name)}/{Escape(container)}{kubeletQuery}");
        HttpResponseMessage response;
        try
        {
            response = await Kubelets.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw kubelet.Unreachable(e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                throw KubeletError((int)response.StatusCode, Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 50_000)), "pods/log", name);
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            await context.Response.StartAsync(ct).ConfigureAwait(false);
            var source = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var buffer = new byte[32 * 1024];
                int read;
                while ((read = await source.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                {
                    await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                }
            }
        }
    }

    public async Task ExecAsync(HttpContext context, ApiResource pods, string ns, string name)
    {
        var ct = context.RequestAborted;
        var pod = await registry.GetAsync(pods, ns, name, ct).ConfigureAwait(false);
        var query = context.Request.Query;
        var container = PodContainers.Resolve(pod, Value(query, "container"));
        var node = pod["spec"]?["nodeName"]?.GetValue<string>() ?? "";
        if (node.Length == 0)
        {
            throw ApiException.BadRequest($"pod {name} does not have a host assigned");
        }

        var kubeletQuery = ExecQuery(query);
        var kubelet = await KubeletLocation.FindAsync(catalog, registry, node, ct).ConfigureAwait(false);
        var headers = context.Request.Headers;
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (!string.Equals(headers.Upgrade.ToString(), "websocket", StringComparison.OrdinalIgnoreCase) || upgrade is not { IsUpgradableRequest: true })
        {
            throw await NotWebSocketAsync(headers.Upgrade.ToString(), kubelet, ct).ConfigureAwait(false);
        }

        var forwarded = UpgradeRequestHeaders.Where(h => headers.ContainsKey(h)).Select(h => KeyValuePair.Create(h, headers[h].ToString()))
            .Concat([KeyValuePair.Create("Connection", "Upgrade"), KeyValuePair.Create("Upgrade", "websocket")]);
        KubeletUpgrade answer;
        try
        {
            answer = await KubeletUpgrade.SendAsync(kubelet, "GET", $"/exec/{Escape(ns)}/{Escape(name)}/{Escape(container)}{kubeletQuery}", forwarded, ct)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            throw kubelet.Unreachable(e);
        }

        await using (answer.ConfigureAwait(false))
        {
            if (answer.StatusCode != 101)
            {
                throw KubeletError(answer.StatusCode, Encoding.UTF8.GetString(answer.Body), "pods/exec", name);
            }

            foreach (var header in UpgradeResponseHeaders)
            {
                if (answer.Headers.TryGetValue(header, out var value))
                {
                    context.Response.Headers[header] = value;
                }
            }

            var client = await upgrade.UpgradeAsync().ConfigureAwait(false);
            await SpliceAsync(client, answer, ct).ConfigureAwait(false);
        }
    }

    // Copies both ways until the kubelet ends the connection (after its close frame) or the client goes.
    private static async Task SpliceAsync(Stream client, KubeletUpgrade kubelet, CancellationToken ct)
    {
        try
        {
            if (!kubelet.Early.IsEmpty)
            {
                await client.WriteAsync(kubelet.Early, ct).ConfigureAwait(false);
                await client.FlushAsync(ct).ConfigureAwait(false);
            }

            var toClient = CopyAsync(kubelet.Stream, client, ct);
            var toKubelet = CopyAsync(client, kubelet.Stream, ct);
            if (await Task.WhenAny(toClient, toKubelet).ConfigureAwait(false) == toKubelet)
            {
                // The client is done sending: let the kubelet finish its side, but not forever.
                kubelet.Stream.Socket.Shutdown(SocketShutdown.Send);
                await toClient.WaitAsync(TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            // Either side went away: the other is closed with it.
        }
    }

    private static async Task CopyAsync(Stream from, Stream to, CancellationToken ct)
    {
        var buffer = new byte[32 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                await to.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended.
        }
    }

    // SPDY is the only other upgrade kubectl sends (before 1.30, or after a failed WebSocket attempt). Whether the kubelet
    // answers is checked first, so the user sees that error rather than this one when both apply.
    private static async Task<ApiException> NotWebSocketAsync(string upgrade, KubeletLocation kubelet, CancellationToken ct)
    {
        if (!upgrade.Contains("SPDY", StringComparison.OrdinalIgnoreCase))
        {
            return ApiException.BadRequest("Upgrade request required");
        }

        using var probe = new TcpClient();
        try
        {
            await probe.ConnectAsync(kubelet.Host, kubelet.Port, ct).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            return kubelet.Unreachable(e);
        }

        return ApiException.BadRequest(
            "this dev API server proxies exec over WebSocket (v5.channel.k8s.io) only, not SPDY: use kubectl 1.30 or later, and do not set KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false");
    }

    /// <summary>A kubelet's refusal as kube-apiserver reports it (GenericHttpResponseChecker): 400 and 500 keep the kubelet's text.</summary>
    internal static ApiException KubeletError(int code, string body, string resource, string name)
    {
        switch (code)
        {
            case 400:
                return ApiException.BadRequest(body);
            case 500:
                return new ApiException(500, "InternalError", $"Internal error occurred: {body}",
                    new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = body }) });
        }

        var (reason, message) = code switch
        {
            404 => ("NotFound", "the server could not find the requested resource"),
            409 => ("Conflict", "the server reported a conflict"),
            401 => ("Unauthorized", "the server has asked for the client to provide credentials"),
            403 => ("Forbidden", body),
            405 => ("MethodNotAllowed", "the server does not allow this method on the requested resource"),
            422 => ("Invalid", "the server rejected our request due to an error in our request"),
            429 => ("TooManyRequests", "the server has received too many requests and has asked us to try again later"),
            504 => ("Timeout", "the server was unable to return a response in the time allotted, but may still be processing the request"),
            >= 500 => ("InternalError", $"an error on the server (\"{body}\") has prevented the request from succeeding"),
            _ => ("Unknown", $"the server responded with the status code {code} but did not return more information"),
        };
        // The verb is empty in kube's call, hence the double space.
        return new ApiException(code, reason, $"{message} ( {resource} {name})", new JsonObject { ["name"] = name, ["kind"] = resource });
    }

    /// <summary>PodLogOptions from the query, validated (422, kind PodLogOptions), as the kubelet's query string.</summary>
    internal static string LogQuery(IQueryCollection query, string name)
    {
        var tailLines = Long(query, "tailLines");
        var limitBytes = Long(query, "limitBytes");
        var sinceSeconds = Long(query, "sinceSeconds");
        DateTimeOffset? sinceTime = null;
        if (Value(query, "sinceTime") is { Length: > 0 } text)
        {
            sinceTime = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw ApiException.BadRequest($"sinceTime: invalid RFC 3339 time \"{text}\"");
        }

        var errors = new List<(string Field, string Message)>();
        if (tailLines < 0)
        {
            errors.Add(("tailLines", $"Invalid value: {tailLines}: must be greater than or equal to 0"));
        }

        if (limitBytes < 1)
        {
            errors.Add(("limitBytes", $"Invalid value: {limitBytes}: must be greater than 0"));
        }

        if (sinceSeconds is not null && sinceTime is not null)
        {
            errors.Add(("", "Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified"));
        }
        else if (sinceSeconds < 1)
        {
            errors.Add(("sinceSeconds", $"Invalid value: {sinceSeconds}: must be greater than 0"));
        }

        if (errors.Count > 0)
        {
            var texts = errors.Select(e => $"{e.Field}: {e.Message}").ToList();
            throw new ApiException(422, "Invalid", $"PodLogOptions \"{name}\" is invalid: {(texts.Count == 1 ? texts[0] : $"[{string.Join(", ", texts)}]")}",
                new JsonObject
                {
                    ["name"] = name,
                    ["kind"] = "PodLogOptions",
                    ["causes"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
                    {
                        ["reason"] = e.Message.StartsWith("Forbidden", StringComparison.Ordinal) ? "FieldValueForbidden" : "FieldValueInvalid",
                        ["message"] = e.Message,
                        ["field"] = e.Field,
                    })]),
                });
        }

        var parameters = new List<(string, string)>();
        if (Flag(query, "follow"))
        {
            parameters.Add(("follow", "true"));
        }

        if (Flag(query, "previous"))
        {
            parameters.Add(("previous", "true"));
        }

        if (Flag(query, "timestamps"))
        {
            parameters.Add(("timestamps", "true"));
        }

        if (sinceSeconds is { } seconds)
        {
            parameters.Add(("sinceSeconds", seconds.ToString(CultureInfo.InvariantCulture)));
        }

        if (sinceTime is { } time)
        {
            parameters.Add(("sinceTime", time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }

        if (tailLines is { } tail)
        {
            parameters.Add(("tailLines", tail.ToString(CultureInfo.InvariantCulture)));
        }

        if (limitBytes is { } limit)
        {
            parameters.Add(("limitBytes", limit.ToString(CultureInfo.InvariantCulture)));
        }

        if (Value(query, "stream") is { Length: > 0 } stream)
        {
            parameters.Add(("stream", stream));
        }

        return Encode(parameters);
    }

    /// <summary>PodExecOptions from the query as the kubelet's query string (streamParams: "1" for each stream, command repeated).</summary>
    internal static string ExecQuery(IQueryCollection query)
    {
        var parameters = new List<(string, string)>();
        foreach (var stream in new[] { "stdin", "stdout", "stderr", "tty" })
        {
            if (Flag(query, stream))
            {
                parameters.Add((stream, "1"));
            }
        }

        if (!parameters.Any(p => p.Item1 is "stdin" or "stdout" or "stderr"))
        {
            throw ApiException.BadRequest("you must specify at least 1 of stdin, stdout, stderr");
        }

        foreach (var command in query["command"])
        {
            parameters.Add(("command", command ?? ""));
        }

        return Encode(parameters);
    }

    private static string Encode(List<(string Name, string Value)> parameters) =>
        parameters.Count == 0 ? "" : "?" + string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string? Value(IQueryCollection query, string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;

    // Query parameters become PodLogOptions/PodExecOptions through Convert_Slice_string_To_bool: present means true unless "0" or "false".
    private static bool Flag(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && values[0] is var v && v != "0" && !string.Equals(v, "false", StringComparison.OrdinalIgnoreCase);

    private static long? Long(IQueryCollection query, string name)
    {
        var text = Value(query, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"invalid value for {name}: \"{text}\"");
    }
}
