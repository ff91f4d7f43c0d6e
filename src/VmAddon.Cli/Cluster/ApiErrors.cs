using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using k8s.Autorest;

namespace VmAddon.Cli.Cluster;

/// <summary>Turns what KubernetesClient throws into one line that says what happened and what to do.</summary>
internal static class ApiErrors
{
    /// <summary>The message for <paramref name="error"/>, or null when it is not a cluster or network failure (a bug: let it surface).</summary>
    public static string? Describe(Exception error, string server) => error switch
    {
        CliException cli => cli.Message,
        HttpOperationException http => FromStatus(http.Response.StatusCode, StatusMessage(http), server),
        HttpRequestException request => Unreachable(server, Innermost(request)),
        TaskCanceledException { InnerException: TimeoutException } =>
            $"the cluster at {server} did not answer within {ClusterConnection.RequestTimeout.TotalSeconds:0} s (check: kubectl cluster-info)",
        SocketException socket => Unreachable(server, socket.Message),
        _ => null,
    };

    /// <summary>Whether the server refused a write because the object changed since it was read (a stale resourceVersion): read again and retry.</summary>
    public static bool IsStale(HttpOperationException error) =>
        error.Response.StatusCode == HttpStatusCode.Conflict
        || (error.Response.StatusCode == HttpStatusCode.UnprocessableEntity && StatusMessage(error).Contains("/metadata/resourceVersion", StringComparison.Ordinal));

    public static bool IsNotFound(Exception error) => error is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound };

    /// <summary>The Status message the API server sent, else the HTTP reason.</summary>
    public static string StatusMessage(HttpOperationException error)
    {
        var content = error.Response.Content;
        if (!string.IsNullOrWhiteSpace(content))
        {
            try
            {
                using var status = JsonDocument.Parse(content);
                if (status.RootElement.ValueKind == JsonValueKind.Object && status.RootElement.TryGetProperty("message", out var message))
                {
                    return message.GetString() ?? content;
                }
            }
            catch (JsonException)
            {
                return content.Trim();
            }
        }

        return error.Response.ReasonPhrase ?? error.Message;
    }

    private static string FromStatus(HttpStatusCode code, string message, string server) => code switch
    {
        HttpStatusCode.Unauthorized => $"the cluster at {server} did not accept your credentials: {message} (check: kubectl config view --minify)",
        HttpStatusCode.Forbidden => $"{message} (ask a cluster admin for that permission; check: kubectl auth can-i --list)",
        HttpStatusCode.NotFound when message.Contains("the server could not find the requested resource", StringComparison.Ordinal) =>
            $"the cluster at {server} does not serve VmAddon's resources: {message} (install the CRDs: kubectl apply -f crds/)",
        _ => message,
    };

    private static string Unreachable(string server, string why) =>
        $"cannot reach the cluster at {server}: {why} (is it running? check: kubectl cluster-info; or choose another with --context or --kubeconfig)";

    private static string Innermost(Exception error)
    {
        while (error.InnerException is not null)
        {
            error = error.InnerException;
        }

        return error.Message;
    }
}
