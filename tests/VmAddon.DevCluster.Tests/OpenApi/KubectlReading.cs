using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tests.OpenApi;

/// <summary>
/// What kubectl 1.32 reads from an OpenAPI v3 group-version document, re-done in C# from its sources: the explain
/// template (explain/v2/templates/plaintext.tmpl), the field-validation check (QueryParamVerifierV3) and the strategic
/// merge patch metadata (strategicpatch.PatchMetaFromOpenAPIV3).
/// </summary>
internal static class KubectlReading
{
    private const string GvkExtension = "x-kubernetes-group-version-kind";

    /// <summary>Explain's lookup of a resource's kind: the first get/post/put/patch/delete operation with a GVK on one of four paths.</summary>
    public static JsonObject? ExplainGvk(JsonObject document, string group, string version, string resource)
    {
        var prefix = group.Length == 0 ? "/api" : "/apis/" + group;
        var searchPaths = new[]
        {
            $"{prefix}/{version}/{resource}",
            $"{prefix}/{version}/{resource}/{{name}}",
            $"{prefix}/{version}/namespaces/{{namespace}}/{resource}",
            $"{prefix}/{version}/namespaces/{{namespace}}/{resource}/{{name}}",
        };
        foreach (var path in searchPaths)
        {
            if (document["paths"]?[path] is not JsonObject item)
            {
                continue;
            }

            foreach (var method in new[] { "get", "post", "put", "patch", "delete" })
            {
                if (item[method]?[GvkExtension] is JsonObject gvk)
                {
                    return gvk;
                }
            }
        }

        return null;
    }

    /// <summary>Explain's kind schema: in key order, the first component whose GVK list contains exactly this GVK.</summary>
    public static JsonObject? KindSchema(JsonObject document, JsonObject gvk) =>
        document["components"]!["schemas"]!.AsObject()
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => s.Value as JsonObject)
            .FirstOrDefault(s => s?[GvkExtension] is JsonArray list && list.Any(g => JsonNode.DeepEquals(g, gvk)));

    /// <summary>
    /// Explain's walk down a field path: properties, then list items, map values and allOf alternatives, resolving
    /// $ref on the way. Returns the field's own schema and the type explain prints for it, or null when the field does not exist.
    /// </summary>
    public static (JsonObject Field, string Type)? ExplainField(JsonObject document, JsonObject kindSchema, params string[] fieldPath)
    {
        JsonObject? field = null;
        var schema = kindSchema;
        foreach (var name in fieldPath)
        {
            field = FindProperty(document, schema, name, depth: 0);
            if (field is null)
            {
                return null;
            }

            schema = field;
        }

        return field is null ? null : (field, TypeGuess(document, field));
    }

    /// <summary>kubectl's check that the server validates fields: some PATCH operation for the GVK takes a fieldValidation query parameter.</summary>
    /// <remarks>kubectl stops at the first matching PATCH operation in map order, so every one of them must carry it.</remarks>
    public static bool EveryPatchTakesFieldValidation(JsonObject document, JsonObject gvk)
    {
        var patches = OpenApiCatalogs.Operations(document)
            .Where(o => o.Method == "patch" && JsonNode.DeepEquals(o.Operation[GvkExtension], gvk))
            .ToList();
        return patches.Count > 0 && patches.All(p => OpenApiCatalogs.QueryParameters(p.Operation).Contains("fieldValidation"));
    }

    /// <summary>kubectl apply uses strategic merge patch for a GVK when a PATCH operation for it accepts that content type.</summary>
    public static bool AcceptsStrategicMergePatch(JsonObject document, JsonObject gvk) =>
        OpenApiCatalogs.Operations(document)
            .Where(o => o.Method == "patch" && JsonNode.DeepEquals(o.Operation[GvkExtension], gvk))
            .Any(o => o.Operation["requestBody"]?["content"]?["application/strategic-merge-patch+json"] is not null);

    /// <summary>
    /// The patch strategy and merge key of a field, as PatchMetaFromOpenAPIV3 finds them: each step looks the key up in
    /// properties, reads the extensions there, then descends into items and resolves allOf[0] and $ref.
    /// </summary>
    public static (string? Strategy, string? MergeKey) PatchMeta(JsonObject document, JsonObject kindSchema, params string[] fieldPath)
    {
        var schema = kindSchema;
        JsonObject? field = null;
        foreach (var name in fieldPath)
        {
            field = schema["properties"]?[name] as JsonObject
                ?? throw new InvalidOperationException($"unable to find api field \"{name}\"");
            schema = field["items"] as JsonObject ?? field;
            if (schema["allOf"] is JsonArray allOf)
            {
                schema = allOf[0]!.AsObject();
            }

            if (schema["$ref"] is JsonValue reference)
            {
                schema = Resolve(document, (string)reference!)
                    ?? throw new InvalidOperationException($"unable to resolve {reference} in OpenAPI V3");
            }
        }

        return ((string?)field?["x-kubernetes-patch-strategy"], (string?)field?["x-kubernetes-patch-merge-key"]);
    }

    /// <summary>The schema a <c>#/components/schemas/</c> reference names, or null.</summary>
    public static JsonObject? Resolve(JsonObject document, string reference) =>
        reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            ? document["components"]!["schemas"]![reference["#/components/schemas/".Length..]] as JsonObject
            : null;

    private static JsonObject? FindProperty(JsonObject document, JsonObject schema, string name, int depth)
    {
        if (depth > 20)
        {
            return null;
        }

        var resolved = schema["$ref"] is JsonValue reference ? Resolve(document, (string)reference!) ?? schema : schema;
        if (resolved["properties"]?[name] is JsonObject property)
        {
            return property;
        }

        if (resolved["items"] is JsonObject items)
        {
            return FindProperty(document, items, name, depth + 1);
        }

        if (resolved["additionalProperties"] is JsonObject values)
        {
            return FindProperty(document, values, name, depth + 1);
        }

        return (resolved["allOf"] as JsonArray ?? [])
            .Select(alternative => FindProperty(document, alternative!.AsObject(), name, depth + 1))
            .FirstOrDefault(found => found is not null);
    }

    // The template's "typeGuess": []T for arrays, map[string]T for maps, the definition's last name segment for object refs.
    private static string TypeGuess(JsonObject document, JsonObject schema)
    {
        if (schema["items"] is JsonObject items)
        {
            return "[]" + TypeGuess(document, items);
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            return "map[string]" + TypeGuess(document, values);
        }

        if (schema["allOf"] is JsonArray { Count: 1 } allOf && schema["properties"] is null)
        {
            return TypeGuess(document, allOf[0]!.AsObject());
        }

        if (schema["$ref"] is JsonValue reference)
        {
            var target = Resolve(document, (string)reference!);
            var type = (string?)target?["type"];
            return target is null || type is null or "object" ? ((string)reference!).Split('/')[^1].Split('.')[^1] : type;
        }

        var own = (string?)schema["type"];
        return own is null or "object" ? "Object" : own;
    }
}
