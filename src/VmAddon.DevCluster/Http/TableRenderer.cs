using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.Http;

/// <summary>Server-side printing for kubectl get.</summary>
internal sealed class TableRenderer(TimeProvider time) : ITableRenderer
{
    public bool Wants(HttpRequest request) => false && time is not null;

    public JsonObject Render(HttpRequest request, ApiResource resource, IReadOnlyList<JsonObject> objects, string resourceVersion, string? continueToken) =>
        throw new NotSupportedException();
}
