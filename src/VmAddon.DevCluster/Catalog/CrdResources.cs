using System.Text.Json.Nodes;
using VmAddon.Api.Schema;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Catalog;

/// <summary>Turns a stored CustomResourceDefinition into the resources it serves, one per served version.</summary>
public static class CrdResources
{
    public static string GroupOf(JsonObject crd) => crd["spec"]?["group"]?.GetValue<string>() ?? "";

    public static string PluralOf(JsonObject crd) => crd["spec"]?["names"]?["plural"]?.GetValue<string>() ?? "";

    public static IReadOnlyList<ApiResource> From(JsonObject crd)
    {
        var spec = crd["spec"]!.AsObject();
        var names = spec["names"]!.AsObject();
        var group = GroupOf(crd);
        var plural = PluralOf(crd);
        var kind = names["kind"]!.GetValue<string>();
        var namespaced = spec["scope"]?.GetValue<string>() != "Cluster";
        var resources = new List<ApiResource>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>().Where(v => v["served"]?.GetValue<bool>() != false))
        {
            var schema = version["schema"]!["openAPIV3Schema"]!.AsObject();
            var subresources = version["subresources"] as JsonObject;
            resources.Add(new ApiResource
            {
                Type = new ResourceType(group, version["name"]!.GetValue<string>(), plural, kind, namespaced)
                {
                    SelectableFields = new HashSet<string>(
                        (version["selectableFields"] as JsonArray ?? []).Select(f => f?["jsonPath"]?.GetValue<string>().TrimStart('.') ?? ""),
                        StringComparer.Ordinal),
                },
                Singular = names["singular"]?.GetValue<string>() is { Length: > 0 } singular ? singular : kind.ToLowerInvariant(),
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                HasStatus = subresources?["status"] is not null,
                Scale = subresources?["scale"] is JsonObject scale
                    ? new ScaleSubresource(
                        scale["specReplicasPath"]?.GetValue<string>() ?? ".spec.replicas",
                        scale["statusReplicasPath"]?.GetValue<string>() ?? ".status.replicas",
                        scale["labelSelectorPath"]?.GetValue<string>())
                    : null,
                PrinterColumns = [.. (version["additionalPrinterColumns"] as JsonArray ?? []).OfType<JsonObject>().Select(c => new PrinterColumn(
                    c["name"]!.GetValue<string>(),
                    c["type"]?.GetValue<string>() ?? "string",
                    c["jsonPath"]?.GetValue<string>() ?? "",
                    c["description"]?.GetValue<string>(),
                    (int)(c["priority"]?.GetValue<long>() ?? 0)))],
                OpenApiSchema = schema.DeepClone().AsObject(),
                Validator = new StructuralValidator(StructuralSchema.Parse(schema), isResourceRoot: true),
            });
        }

        return resources;
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray list ? [.. list.Select(n => n!.GetValue<string>())] : [];
}
