using System.Net;

namespace VmAddon.Kube.Metrics;

/// <summary>Counts Kubernetes API requests by verb, resource and code; plug it in with <c>new Kubernetes(config, handler)</c>.</summary>
public sealed class ApiRequestMetricsHandler(VmAddonMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (verb, resource) = Describe(request.Method, request.RequestUri);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.RecordApiRequest(verb, resource, (int)response.StatusCode);
            return response;
        }
        catch (HttpRequestException)
        {
            // No response: counted with code 0, as client-go's request metrics use "<error>".
            metrics.RecordApiRequest(verb, resource, 0);
            throw;
        }
    }

    /// <summary>The kube-apiserver verb and the resource (with its subresource, as in virtualmachineinstances/status).</summary>
    internal static (string Verb, string Resource) Describe(HttpMethod method, Uri? uri)
    {
        var segments = (uri?.AbsolutePath ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Select(WebUtility.UrlDecode).ToArray();
        var i = segments.Length > 0 && segments[0] == "api" ? 2 : segments.Length > 0 && segments[0] == "apis" ? 3 : segments.Length;
        string resource = "", name = "", sub = "";
        if (i < segments.Length)
        {
            if (segments[i] == "namespaces" && segments.Length > i + 2)
            {
                i += 2;
            }

            resource = segments[i] ?? "";
            name = i + 1 < segments.Length ? segments[i + 1] ?? "" : "";
            sub = i + 2 < segments.Length ? segments[i + 2] ?? "" : "";
        }

        var watch = uri?.Query.Contains("watch=true", StringComparison.OrdinalIgnoreCase) == true;
        var verb = method.Method switch
        {
            "GET" when watch => "watch",
            "GET" => name.Length == 0 ? "list" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => name.Length == 0 ? "deletecollection" : "delete",
            _ => method.Method.ToLowerInvariant(),
        };
        return (verb, sub.Length == 0 ? resource : resource + "/" + sub);
    }
}
