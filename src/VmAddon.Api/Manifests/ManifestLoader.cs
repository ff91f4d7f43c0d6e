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

        var (schemaErrors, pruned) = ResourceSchemaCheck.Check(kind!, content);
        object resource;
        try
        {
            resource = ResourceKinds.Materialize(kind!, pruned);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            // The schema errors say what is wrong in the user's words; the typing error only when there are none.
            var path = e is JsonException { Path: { } p } ? JsonPathToFieldPath(p) : "";
            return new LoadedResource(document, kind, name, null,
                schemaErrors.Count > 0 ? schemaErrors : [new FieldError(path, $"Invalid value: {e.Message}")]);
        }

        var semanticErrors = ResourceValidator.Validate(resource);
        var errors = Merge(schemaErrors, semanticErrors).OrderBy(e => document.LineOf(e.Path)).ToList();
        return new LoadedResource(document, kind, name, schemaErrors.Count == 0 ? resource : null, errors);
    }

    /// <summary>
    /// Both checks can flag one mistake (a duplicate name, a malformed MAC). The semantic message is the
    /// clearer one, so a schema error is dropped when a semantic error sits on the same field or inside it.
    /// </summary>
    private static List<FieldError> Merge(IReadOnlyList<FieldError> schemaErrors, IReadOnlyList<FieldError> semanticErrors) =>
    [
        .. schemaErrors.Where(s => !semanticErrors.Any(e => e.Path == s.Path || e.Path.StartsWith(s.Path + ".", StringComparison.Ordinal))),
        .. semanticErrors,
    ];

    private static string? StringAt(JsonObject? obj, string key) =>
        obj?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>System.Text.Json reports paths as $.spec.disks[0].name; Kubernetes writes spec.disks[0].name.</summary>
    private static string JsonPathToFieldPath(string jsonPath) =>
        jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
}
