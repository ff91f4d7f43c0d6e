using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace VmAddon.DevCluster.Http;

/// <summary>
/// Counts the API server's requests by verb, resource and code, as kube-apiserver's apiserver_request_total does, so
/// tests and make bench can count the writes a VM start costs. Served as Prometheus text on /metrics.
/// </summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<(string Verb, string Group, string Resource, string Subresource, int Code), long> _counts = new();

    /// <summary>Records one request; verbs are kube's (create, update, patch, delete, get, list, watch, ...).</summary>
    public void Record(string method, RequestTarget target, bool watch, int code) =>
        _counts.AddOrUpdate((Verb(method, target, watch), target.Group, target.Resource, target.Subresource ?? "", code), 1, (_, n) => n + 1);

    /// <summary>The writes (create, update, patch, delete, deletecollection) so far, optionally of one resource.</summary>
    public long Writes(string? resource = null) => _counts
        .Where(p => p.Key.Verb is "create" or "update" or "patch" or "delete" or "deletecollection" && (resource is null || p.Key.Resource == resource))
        .Sum(p => p.Value);

    public string Prometheus()
    {
        var text = new StringBuilder("# HELP apiserver_request_total Requests by verb, group, resource, subresource and code.\n# TYPE apiserver_request_total counter\n");
        foreach (var ((verb, group, resource, subresource, code), count) in _counts.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"apiserver_request_total{{verb=\"{verb}\",group=\"{group}\",resource=\"{resource}\",subresource=\"{subresource}\",code=\"{code}\"}} {count}\n");
        }

        return text.ToString();
    }

    private static string Verb(string method, RequestTarget target, bool watch) => method switch
    {
        "GET" when watch || target.LegacyWatch => "watch",
        "GET" when target.Name is null => "list",
        "GET" => "get",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" when target.Name is null => "deletecollection",
        "DELETE" => "delete",
        _ => method.ToLowerInvariant(),
    };
}
