using System.Text.Json.Nodes;
using VmAddon.Api.Schema;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Tests.OpenApi;

/// <summary>Catalogs for the OpenAPI tests: the built-ins plus VmAddon's CRDs as the API server registers them.</summary>
internal static class OpenApiCatalogs
{
    public static ApiResource VirtualMachines(string version = "v1") => new()
    {
        Type = new ResourceType("vmaddon.io", version, "virtualmachines", "VirtualMachine", Namespaced: true),
        Singular = "virtualmachine",
        ShortNames = ["vm", "vms"],
        HasStatus = true,
        OpenApiSchema = CrdCatalog.All[0].CreateOpenApiV3Schema(),
    };

    public static ApiResource VirtualMachinePools() => new()
    {
        Type = new ResourceType("vmaddon.io", "v1", "virtualmachinepools", "VirtualMachinePool", Namespaced: true),
        Singular = "virtualmachinepool",
        HasStatus = true,
        Scale = new ScaleSubresource(".spec.replicas", ".status.replicas", null),
        OpenApiSchema = CrdCatalog.All[3].CreateOpenApiV3Schema(),
    };

    public static ResourceCatalog WithVirtualMachines()
    {
        var catalog = new ResourceCatalog(BuiltInResources.All);
        catalog.Replace("vmaddon.io", "virtualmachines", [VirtualMachines()]);
        catalog.Replace("vmaddon.io", "virtualmachinepools", [VirtualMachinePools()]);
        return catalog;
    }

    /// <summary>Every string value of <c>$ref</c> anywhere in a document.</summary>
    public static IEnumerable<string> Refs(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : Refs(p.Value)),
        JsonArray a => a.SelectMany(Refs),
        _ => [],
    };

    /// <summary>Every operation of a document with its path and method.</summary>
    public static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where method.Key != "parameters"
        select (path.Key, method.Key, method.Value!.AsObject());

    /// <summary>The names of an operation's own query parameters.</summary>
    public static IEnumerable<string> QueryParameters(JsonObject operation) =>
        (operation["parameters"] as JsonArray ?? []).Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!);
}
