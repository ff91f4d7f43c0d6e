using System.Text.Json.Nodes;
using k8s.Models;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>
/// The published schemas of a custom resource and its list, as kube-apiserver derives them from a CRD's
/// openAPIV3Schema: metadata becomes a reference to ObjectMeta, and the kind carries its group-version-kind.
/// </summary>
internal static class CustomResourceSchemas
{
    private const string ApiVersionDescription =
        "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";

    private const string KindDescription =
        "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

    /// <summary>Adds the kind's and the list's schemas, and the meta schemas they refer to; returns the kind's definition name.</summary>
    public static string AddTo(IDictionary<string, JsonObject> schemas, ApiResource resource)
    {
        var name = KubeModelNames.ForCustomResource(resource.Group, resource.Version, resource.Kind);
        schemas[name] = Kind(resource);
        schemas[KubeModelNames.ForCustomResource(resource.Group, resource.Version, resource.ListKind)] = List(resource, name);
        ModelSchemas.AddTo(schemas, typeof(V1ObjectMeta));
        ModelSchemas.AddTo(schemas, typeof(V1ListMeta));
        return name;
    }

    private static JsonObject Kind(ApiResource resource)
    {
        // Without a schema (a CRD that preserves unknown fields) the object is free-form apart from its header.
        var schema = resource.OpenApiSchema?.DeepClone() as JsonObject
            ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        if (schema["properties"] is not JsonObject properties)
        {
            properties = [];
            schema["properties"] = properties;
        }

        properties["apiVersion"] ??= new JsonObject { ["description"] = ApiVersionDescription, ["type"] = "string" };
        properties["kind"] ??= new JsonObject { ["description"] = KindDescription, ["type"] = "string" };
        var metadata = ModelSchemas.RefWithSiblings(KubeModelNames.ObjectMeta);
        metadata["description"] = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
        properties["metadata"] = metadata;
        schema["type"] ??= "object";
        schema[Gvk.Extension] = new JsonArray(Gvk.Of(resource.Group, resource.Version, resource.Kind));
        return schema;
    }

    private static JsonObject List(ApiResource resource, string kindName)
    {
        var metadata = ModelSchemas.RefWithSiblings(KubeModelNames.ListMeta);
        metadata["description"] = "Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
        return new JsonObject
        {
            ["description"] = $"{resource.ListKind} is a list of {resource.Kind}",
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = new JsonObject { ["description"] = ApiVersionDescription, ["type"] = "string" },
                ["items"] = new JsonObject
                {
                    ["description"] = $"List of {resource.Plural}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md",
                    ["items"] = ModelSchemas.Ref(kindName),
                    ["type"] = "array",
                },
                ["kind"] = new JsonObject { ["description"] = KindDescription, ["type"] = "string" },
                ["metadata"] = metadata,
            },
            ["required"] = new JsonArray("items"),
            ["type"] = "object",
            [Gvk.Extension] = new JsonArray(Gvk.Of(resource.Group, resource.Version, resource.ListKind)),
        };
    }
}
