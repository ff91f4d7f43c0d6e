using System.Text.Json.Nodes;

namespace VmAddon.Api.Schema;

/// <summary>Builds the apiextensions.k8s.io/v1 CustomResourceDefinition document of a kind.</summary>
internal static class CrdRenderer
{
    /// <summary>Every VmAddon kind is listed by <c>kubectl get vmaddon</c> and, as KubeVirt's are, by <c>kubectl get all</c>.</summary>
    public static readonly IReadOnlyList<string> Categories = ["vmaddon", "all"];

    public static JsonObject Render(CrdDefinition definition, JsonObject openApiV3Schema)
    {
        var subresources = new JsonObject { ["status"] = new JsonObject() };
        if (definition.HasScale)
        {
            subresources["scale"] = new JsonObject
            {
                ["labelSelectorPath"] = ".status.labelSelector",
                ["specReplicasPath"] = ".spec.replicas",
                ["statusReplicasPath"] = ".status.replicas",
            };
        }

        var version = new JsonObject
        {
            ["name"] = ApiGroup.Version,
            ["served"] = true,
            ["storage"] = true,
            ["schema"] = new JsonObject { ["openAPIV3Schema"] = openApiV3Schema.DeepClone() },
            ["subresources"] = subresources,
        };
        if (definition.PrinterColumns.Count > 0)
        {
            version["additionalPrinterColumns"] = new JsonArray([.. definition.PrinterColumns.Select(Column)]);
        }

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = $"{definition.Plural}.{ApiGroup.Group}" },
            ["spec"] = new JsonObject
            {
                ["group"] = ApiGroup.Group,
                ["names"] = new JsonObject
                {
                    ["categories"] = new JsonArray([.. Categories.Select(c => (JsonNode)c)]),
                    ["kind"] = definition.Kind,
                    ["listKind"] = definition.Kind + "List",
                    ["plural"] = definition.Plural,
                    ["shortNames"] = new JsonArray([.. definition.ShortNames.Select(s => (JsonNode)s)]),
                    ["singular"] = definition.Singular,
                },
                ["scope"] = "Namespaced",
                ["versions"] = new JsonArray(version),
            },
        };
    }

    private static JsonNode Column(PrinterColumn column)
    {
        var node = new JsonObject
        {
            ["jsonPath"] = column.JsonPath,
            ["name"] = column.Name,
            ["type"] = column.Type,
        };
        if (column.Description is not null)
        {
            node["description"] = column.Description;
        }

        if (column.Priority != 0)
        {
            node["priority"] = column.Priority;
        }

        return node;
    }
}
