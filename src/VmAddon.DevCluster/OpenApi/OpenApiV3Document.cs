using System.Text.Json.Nodes;
using k8s.Models;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>The OpenAPI 3.0 documents served under /openapi/v3: one per group/version, and the small ones for /api, /apis and each group.</summary>
internal static class OpenApiV3Document
{
    /// <summary>The document of one group/version: its resources' paths and every schema they refer to.</summary>
    public static JsonObject ForGroupVersion(ApiGroupVersion groupVersion, IEnumerable<ApiResource> resources)
    {
        var schemas = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var paths = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var common in new[] { typeof(V1APIResourceList), typeof(V1DeleteOptions), typeof(V1Status), typeof(V1Patch) })
        {
            ModelSchemas.AddTo(schemas, common);
        }

        paths[groupVersion.Prefix + "/"] = Discovery(
            $"get available resources", $"get{groupVersion.OperationPart}APIResources", groupVersion.Tag, KubeModelNames.For(typeof(V1APIResourceList)));

        foreach (var resource in resources.OrderBy(r => r.Plural, StringComparer.Ordinal))
        {
            var (kind, list) = AddKindSchemas(schemas, resource);
            ResourcePaths.AddTo(paths, schemas, groupVersion, resource, kind, list);
        }

        return Document(paths, schemas);
    }

    /// <summary>The document of <c>/api</c>: the core group's versions.</summary>
    public static JsonObject ForLegacyRoot() => Root("/api/", "get available API versions", "getCoreAPIVersions", "core", typeof(V1APIVersions));

    /// <summary>The document of <c>/apis</c>: the list of API groups.</summary>
    public static JsonObject ForGroupsRoot() => Root("/apis/", "get available API versions", "getAPIVersions", "apis", typeof(V1APIGroupList));

    /// <summary>The document of <c>/apis/{group}</c>: one group's versions.</summary>
    public static JsonObject ForGroup(string group) => Root($"/apis/{group}/", "get information of a group",
        $"get{ApiGroupVersion.GroupOperationPart(group)}APIGroup", ApiGroupVersion.GroupTag(group), typeof(V1APIGroup));

    private static JsonObject Root(string path, string description, string operationId, string tag, Type model)
    {
        var schemas = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var name = ModelSchemas.AddTo(schemas, model);
        var paths = new Dictionary<string, JsonObject>(StringComparer.Ordinal) { [path] = Discovery(description, operationId, tag, name) };
        return Document(paths, schemas);
    }

    private static (string Kind, string List) AddKindSchemas(IDictionary<string, JsonObject> schemas, ApiResource resource)
    {
        if (resource.ModelType is not { } model)
        {
            var kind = CustomResourceSchemas.AddTo(schemas, resource);
            return (kind, KubeModelNames.ForCustomResource(resource.Group, resource.Version, resource.ListKind));
        }

        var kindName = ModelSchemas.AddTo(schemas, model);
        var listModel = model.Assembly.GetType($"{model.Namespace}.{model.Name}List");
        return (kindName, listModel is null ? kindName : ModelSchemas.AddTo(schemas, listModel));
    }

    private static JsonObject Discovery(string description, string operationId, string tag, string schema)
    {
        var content = new JsonObject();
        foreach (var mediaType in new[] { "application/json", "application/yaml" })
        {
            content[mediaType] = new JsonObject { ["schema"] = ModelSchemas.Ref(schema) };
        }

        return new JsonObject
        {
            ["get"] = new JsonObject
            {
                ["description"] = description,
                ["operationId"] = operationId,
                ["responses"] = new JsonObject
                {
                    ["200"] = new JsonObject { ["content"] = content, ["description"] = "OK" },
                    ["401"] = new JsonObject { ["description"] = "Unauthorized" },
                },
                ["tags"] = new JsonArray(tag),
            },
        };
    }

    // Keys in ordinal order, as kube-apiserver writes them, so equal catalogs give byte-identical documents and hashes.
    private static JsonObject Document(IDictionary<string, JsonObject> paths, IDictionary<string, JsonObject> schemas) => new()
    {
        ["components"] = new JsonObject
        {
            ["schemas"] = new JsonObject(schemas.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
        },
        ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "unversioned" },
        ["openapi"] = "3.0.0",
        ["paths"] = new JsonObject(paths.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
    };
}
