using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Registry;
using VmAddon.DevCluster.Tables;

namespace VmAddon.DevCluster.Http;

/// <summary>Server-side printing for kubectl get: a meta.k8s.io/v1 Table when the Accept header asks for one.</summary>
internal sealed class TableRenderer(TimeProvider time) : ITableRenderer
{
    private readonly TableConverter _converter = new(time);

    public bool Wants(HttpRequest request) =>
        request.Headers.Accept.ToString().Split(',').Any(type => type.Contains("as=Table", StringComparison.Ordinal)
            && type.Contains("g=meta.k8s.io", StringComparison.Ordinal) && type.Contains("v=v1", StringComparison.Ordinal) && !type.Contains("v=v1beta1", StringComparison.Ordinal));

    public JsonObject Render(HttpRequest request, ApiResource resource, IReadOnlyList<JsonObject> objects, string resourceVersion, string? continueToken) =>
        _converter.ConvertList(resource, objects, new TableListMeta(resourceVersion, continueToken), Options(request, noHeaders: false));

    public JsonObject RenderWatchEvent(HttpRequest request, ApiResource resource, JsonObject obj, bool first) =>
        _converter.ConvertList(resource, [obj], new TableListMeta(obj["metadata"]?["resourceVersion"]?.GetValue<string>()), Options(request, noHeaders: !first));

    private static TableOptions Options(HttpRequest request, bool noHeaders)
    {
        var value = request.Query["includeObject"].ToString();
        return TableOptions.TryParseIncludeObject(value, out var policy)
            ? new TableOptions(policy, noHeaders)
            : throw ApiException.BadRequest($"unrecognized includeObject value: \"{value}\"");
    }
}
