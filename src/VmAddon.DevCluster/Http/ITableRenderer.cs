using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.Http;

/// <summary>Server-side printing: answers <c>Accept: application/json;as=Table;g=meta.k8s.io;v=v1</c> with a Table.</summary>
internal interface ITableRenderer
{
    bool Wants(HttpRequest request);

    JsonObject Render(HttpRequest request, ApiResource resource, IReadOnlyList<JsonObject> objects, string resourceVersion, string? continueToken);

    /// <summary>One watch event's object as a Table; only the first carries column definitions, as kube-apiserver sends them.</summary>
    JsonObject RenderWatchEvent(HttpRequest request, ApiResource resource, JsonObject obj, bool first);
}
