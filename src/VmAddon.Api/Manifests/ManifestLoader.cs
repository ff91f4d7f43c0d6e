using System.Text.Json;
using System.Text.Json.Nodes;
using VmAddon.Api.Validation;

namespace VmAddon.Api.Manifests;

/// <summary>
/// Turns manifest text into typed, defaulted, validated resources, with every error of every
/// document: YAML syntax, apiVersion and kind, schema, then semantics. Pure.
/// </summary>
public static class ManifestLoader
{
    /// <summary>Reads all documents. A YAML syntax error yields no documents and the error.</summary>
    public static ManifestLoadResult Load(string text)
    {
        var read = YamlManifestReader.Read(text);
        return new ManifestLoadResult([.. read.Documents.Select(Load)], read.SyntaxError);
    }

    public static LoadedResource Load(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Content is not JsonObject content)
        {
            return new LoadedResource(document, null, null, null, [new FieldError("", "Invalid value: a manifest document must be a mapping with apiVersion, kind, metadata and spec")]);
        }

        var kind = StringAt(content, "kind");
        var name = StringAt(content["metadata"] as JsonObject, "name");
        var typeErrors = ResourceKinds.CheckTypeMeta(StringAt(content, "apiVersion"), kind);
        if (typeErrors.Count > 0)
        {
            return new LoadedResource(document, kind, name, null, typeErrors);
        }

        var schemaErrors = ResourceSchemaCheck.Validate(kind!, content);
        if (schemaErrors.Count > 0)
        {
            return new LoadedResource(document, kind, name, null, schemaErrors);
        }

        object resource;
        try
        {
            resource = ResourceKinds.Materialize(kind!, content);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            var path = e is JsonException { Path: { } p } ? JsonPathToFieldPath(p) : "";
            return new LoadedResource(document, kind, name, null, [new FieldError(path, $"Invalid value: {e.Message}")]);
        }

        return new LoadedResource(document, kind, name, resource, ResourceValidator.Validate(resource));
    }

    private static string? StringAt(JsonObject? obj, string key) =>
        obj?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>System.Text.Json reports paths as $.spec.disks[0].name; Kubernetes writes spec.disks[0].name.</summary>
    private static string JsonPathToFieldPath(string jsonPath) =>
        jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
}
