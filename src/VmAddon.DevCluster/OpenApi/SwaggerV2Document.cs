using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>
/// The Swagger 2.0 document of /openapi/v2, derived from the OpenAPI v3 documents of every group/version:
/// schemas move to <c>definitions</c>, request bodies become body parameters, and v3-only keywords are dropped.
/// </summary>
internal static class SwaggerV2Document
{
    private const string V3SchemaPrefix = "#/components/schemas/";

    private const string V2SchemaPrefix = "#/definitions/";

    /// <summary>Merges and converts the v3 documents; paths and schemas of the same name are the same in every document.</summary>
    public static JsonObject From(IEnumerable<JsonObject> v3Documents)
    {
        var paths = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var definitions = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var document in v3Documents)
        {
            foreach (var (path, item) in document["paths"]!.AsObject())
            {
                paths.TryAdd(path, PathItem(item!.AsObject()));
            }

            foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
            {
                definitions.TryAdd(name, Schema(schema!));
            }
        }

        return new JsonObject
        {
            ["definitions"] = new JsonObject(definitions.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "unversioned" },
            ["paths"] = new JsonObject(paths.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["swagger"] = "2.0",
        };
    }

    private static JsonObject PathItem(JsonObject item)
    {
        var converted = new JsonObject();
        foreach (var (key, value) in item)
        {
            converted[key] = key == "parameters" ? Parameters(value!.AsArray()) : Operation(value!.AsObject());
        }

        return converted;
    }

    private static JsonObject Operation(JsonObject operation)
    {
        var parameters = operation["parameters"] is JsonArray query ? Parameters(query) : [];
        var consumes = new JsonArray("*/*");
        if (operation["requestBody"]?["content"] is JsonObject bodyContent)
        {
            consumes = new JsonArray([.. bodyContent.Select(c => (JsonNode)c.Key)]);
            parameters.Add(new JsonObject
            {
                ["in"] = "body",
                ["name"] = "body",
                ["required"] = true,
                ["schema"] = Schema(bodyContent.First().Value!["schema"]!),
            });
        }

        var produces = new SortedSet<string>(StringComparer.Ordinal);
        var responses = new JsonObject();
        foreach (var (code, response) in operation["responses"]!.AsObject())
        {
            var converted = new JsonObject { ["description"] = response!["description"]!.DeepClone() };
            if (response["content"] is JsonObject content && content.Count > 0)
            {
                produces.UnionWith(content.Select(c => c.Key));
                converted["schema"] = Schema(content.First().Value!["schema"]!);
            }

            responses[code] = converted;
        }

        var result = new JsonObject
        {
            ["consumes"] = consumes,
            ["description"] = operation["description"]!.DeepClone(),
            ["operationId"] = operation["operationId"]!.DeepClone(),
        };
        if (parameters.Count > 0)
        {
            result["parameters"] = parameters;
        }

        result["produces"] = new JsonArray([.. produces.Select(p => (JsonNode)p)]);
        result["responses"] = responses;
        result["schemes"] = new JsonArray("https");
        foreach (var (key, value) in operation.Where(o => o.Key is "tags" || o.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            result[key] = value!.DeepClone();
        }

        return result;
    }

    private static JsonArray Parameters(JsonArray parameters)
    {
        var converted = new JsonArray();
        foreach (var parameter in parameters)
        {
            var v2 = new JsonObject
            {
                ["description"] = parameter!["description"]!.DeepClone(),
                ["in"] = parameter["in"]!.DeepClone(),
                ["name"] = parameter["name"]!.DeepClone(),
            };
            if (parameter["required"] is { } required)
            {
                v2["required"] = required.DeepClone();
            }

            v2["type"] = parameter["schema"]!["type"]!.DeepClone();
            v2["uniqueItems"] = true;
            converted.Add(v2);
        }

        return converted;
    }

    // Swagger 2.0 has no oneOf, anyOf, not or nullable, and puts a $ref directly where v3 wraps it in allOf.
    private static JsonNode Schema(JsonNode node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(item => item is null ? null : Schema(item))]);
            case JsonObject schema:
                {
                    var converted = new JsonObject();
                    if (schema["allOf"] is JsonArray { Count: 1 } allOf && allOf[0] is JsonObject { Count: 1 } single && single["$ref"] is not null)
                    {
                        converted["$ref"] = Schema(single["$ref"]!);
                    }

                    foreach (var (key, value) in schema)
                    {
                        if ((key is "allOf" && converted.ContainsKey("$ref")) || key is "oneOf" or "anyOf" or "not" or "nullable")
                        {
                            continue;
                        }

                        converted[key] = value is null ? null : key is "properties" or "x-kubernetes-group-version-kind" or "enum" or "default" or "example"
                            ? Opaque(key, value)
                            : Schema(value);
                    }

                    if (!converted.ContainsKey("type") && !converted.ContainsKey("$ref") && (schema["oneOf"] ?? schema["anyOf"]) is JsonArray alternatives
                        && alternatives.Any(a => a?["type"]?.GetValue<string>() == "string"))
                    {
                        // int-or-string and Quantity: Kubernetes' v2 documents call them formatted strings.
                        converted["type"] = "string";
                    }

                    return converted;
                }

            case JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith(V3SchemaPrefix, StringComparison.Ordinal):
                return V2SchemaPrefix + text[V3SchemaPrefix.Length..];
            default:
                return node.DeepClone();
        }
    }

    // Under "properties" the keys are field names, each a schema; other keywords hold values, not schemas.
    private static JsonNode Opaque(string key, JsonNode value) =>
        key == "properties" && value is JsonObject properties
            ? new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (JsonNode?)Schema(p.Value))))
            : value.DeepClone();
}
