using System.Text.Json.Nodes;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>Placeholder until the OpenAPI documents land: empty documents.</summary>
public sealed class OpenApiDocuments(ResourceCatalog catalog)
{
    public JsonObject V3Index() => new() { ["paths"] = new JsonObject(), ["count"] = catalog.All.Count };

    public JsonObject? V3GroupVersion(string path) => path.Length < 0 ? new JsonObject() : null;

    public JsonObject V2() => new() { ["swagger"] = "2.0" };
}
