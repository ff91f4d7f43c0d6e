using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VmAddon.Api.Validation;

namespace VmAddon.Api.Schema;

/// <summary>
/// Checks and prunes JSON objects against a CRD's structural schema the way kube-apiserver does:
/// every violation is reported, with kube-apiserver's paths and messages.
/// </summary>
/// <param name="schema">The schema of the value validated (a resource's openAPIV3Schema, or a part of it).</param>
/// <param name="isResourceRoot">
/// True when the value is a whole resource: apiVersion, kind and metadata are then handled as the API server
/// handles them whatever the schema says, and metadata keeps exactly the fields of ObjectMeta.
/// </param>
public sealed partial class StructuralValidator(StructuralSchema schema, bool isResourceRoot = true)
{
    public StructuralSchema Schema { get; } = schema;

    /// <summary>
    /// Every violation in <paramref name="value"/>. Like the API server, it ignores nulls where the schema
    /// does not allow them (they are dropped before validation) and does not look inside unknown fields.
    /// </summary>
    /// <param name="value">The object to check; it is not modified.</param>
    /// <param name="path">The field path of <paramref name="value"/>, for example "spec" when validating a spec alone.</param>
    public SchemaValidationResult Validate(JsonNode? value, string path = "")
    {
        var unknown = new List<FieldError>();
        var errors = new List<FieldError>();
        Check(value, Schema, path, isResourceRoot, unknown, errors);
        return new SchemaValidationResult(unknown, errors);
    }

    /// <summary>
    /// A copy of <paramref name="value"/> without unknown fields and without nulls the schema does not allow,
    /// as the API server stores a custom resource when field validation is not strict.
    /// </summary>
    public PruneResult Prune(JsonNode? value, string path = "")
    {
        var copy = value?.DeepClone();
        var pruned = new List<string>();
        PruneNode(copy, Schema, path, isResourceRoot, pruned);
        return new PruneResult(copy, pruned);
    }

    private static void Check(
        JsonNode? node, StructuralSchema schema, string path, bool isRoot, List<FieldError> unknown, List<FieldError> errors)
    {
        if (node is null)
        {
            if (!schema.Nullable && (schema.Type is not null || schema.IntOrString))
            {
                errors.Add(TypeError(path, ExpectedType(schema), "null"));
            }

            return;
        }

        var kind = KindOf(node);
        if (!TypeMatches(schema, node, kind))
        {
            errors.Add(TypeError(path, ExpectedType(schema), kind));
        }

        switch (kind)
        {
            case "string":
                CheckString(node.GetValue<string>(), schema, path, errors);
                break;
            case "integer" or "number":
                CheckNumber((JsonValue)node, kind, schema, path, errors);
                break;
            case "array":
                CheckArray((JsonArray)node, schema, path, unknown, errors);
                break;
            case "object":
                CheckObject((JsonObject)node, schema, path, isRoot, unknown, errors);
                break;
            default:
                break;
        }

        if (schema.Enum is { } allowed && !allowed.Any(a => JsonNode.DeepEquals(a, node)))
        {
            var supported = string.Join(", ", allowed.Select(a =>
                GoValueFormat.Quote(a is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : a?.ToJsonString() ?? "null")));
            errors.Add(new FieldError(path, $"Unsupported value: {GoValueFormat.Value(node)}: supported values: {supported}"));
        }
    }

    private static void CheckString(string text, StructuralSchema schema, string path, List<FieldError> errors)
    {
        var value = GoValueFormat.Quote(text);
        if (schema.Format == "date-time" && !IsDateTime(text))
        {
            errors.Add(new FieldError(path, $"Invalid value: {value}: {path} in body must be of type date-time: {value}"));
        }

        var length = text.EnumerateRunes().Count();
        if (schema.MaxLength is { } max && length > max)
        {
            errors.Add(new FieldError(path, $"Too long: may not be more than {max} {(max == 1 ? "byte" : "bytes")}"));
        }

        if (schema.MinLength is { } min && length < min)
        {
            errors.Add(new FieldError(path, $"Invalid value: {value}: {path} in body should be at least {min} chars long"));
        }

        if (schema.PatternRegex is { } pattern && !Matches(pattern, text))
        {
            errors.Add(new FieldError(path, $"Invalid value: {value}: {path} in body should match '{schema.Pattern}'"));
        }
    }

    private static void CheckNumber(JsonValue node, string kind, StructuralSchema schema, string path, List<FieldError> errors)
    {
        var number = double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);
        var value = GoValueFormat.Number(node);
        if (schema.Minimum is { } min && (schema.ExclusiveMinimum ? number <= min : number < min))
        {
            var relation = schema.ExclusiveMinimum ? "greater than" : "greater than or equal to";
            errors.Add(new FieldError(path, $"Invalid value: {value}: {path} in body should be {relation} {Bound(min, kind)}"));
        }

        if (schema.Maximum is { } max && (schema.ExclusiveMaximum ? number >= max : number > max))
        {
            var relation = schema.ExclusiveMaximum ? "less than" : "less than or equal to";
            errors.Add(new FieldError(path, $"Invalid value: {value}: {path} in body should be {relation} {Bound(max, kind)}"));
        }
    }

    // kube-openapi prints the bound as an int64 for integer data and as a float64 (%v) otherwise.
    private static string Bound(double bound, string kind) =>
        kind == "integer" && Math.Abs(bound) < 9.2e18 && bound == Math.Floor(bound)
            ? ((long)bound).ToString(CultureInfo.InvariantCulture)
            : GoValueFormat.Float(bound);

    private static void CheckArray(JsonArray array, StructuralSchema schema, string path, List<FieldError> unknown, List<FieldError> errors)
    {
        if (schema.MaxItems is { } max && array.Count > max)
        {
            errors.Add(new FieldError(path, $"Too many: {array.Count}: must have at most {max} items"));
        }

        if (schema.MinItems is { } min && array.Count < min)
        {
            errors.Add(new FieldError(path, $"Invalid value: {array.Count}: {path} in body should have at least {min} items"));
        }

        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, Index(path, i), false, unknown, errors);
            }
        }

        switch (schema.ListType)
        {
            case "map" when schema.ListMapKeys.Count > 0:
                CheckUniqueKeys(array, schema.ListMapKeys, path, errors);
                break;
            case "set":
                CheckUniqueItems(array, path, errors);
                break;
            default:
                break;
        }
    }

    private static void CheckUniqueKeys(JsonArray array, IReadOnlyList<string> keys, string path, List<FieldError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            // An item without its keys already has a Required error; it has no identity to compare.
            if (array[i] is not JsonObject item || keys.Any(k => item[k] is null))
            {
                continue;
            }

            var identity = string.Join(", ", keys.Order(StringComparer.Ordinal).Select(k => $"{GoValueFormat.Quote(k)}:{GoValueFormat.Value(item[k])}"));
            if (!seen.Add(identity))
            {
                errors.Add(new FieldError(Index(path, i), $"Duplicate value: map[string]interface {{}}{{{identity}}}"));
            }
        }
    }

    private static void CheckUniqueItems(JsonArray array, string path, List<FieldError> errors)
    {
        for (var i = 1; i < array.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonNode.DeepEquals(array[i], array[j]))
                {
                    errors.Add(new FieldError(Index(path, i), $"Duplicate value: {GoValueFormat.Value(array[i])}"));
                    break;
                }
            }
        }
    }

    private static void CheckObject(
        JsonObject obj, StructuralSchema schema, string path, bool isRoot, List<FieldError> unknown, List<FieldError> errors)
    {
        if (schema.MaxProperties is { } max && obj.Count > max)
        {
            errors.Add(new FieldError(path, $"Too many: {obj.Count}: must have at most {max} items"));
        }

        if (schema.MinProperties is { } min && obj.Count < min)
        {
            errors.Add(new FieldError(path, $"Invalid value: {obj.Count}: {path} in body should have at least {min} properties"));
        }

        foreach (var required in schema.Required)
        {
            // A null the schema does not allow is dropped before validation, so it counts as missing.
            var present = obj.TryGetPropertyValue(required, out var value)
                && (value is not null || (schema.Properties.TryGetValue(required, out var child) && child.Nullable));
            if (!present)
            {
                errors.Add(new FieldError(Join(path, required), "Required value"));
            }
        }

        var keepsResourceFields = isRoot || schema.EmbeddedResource;
        foreach (var (key, value) in obj)
        {
            if (keepsResourceFields && key == "metadata")
            {
                CheckMetadata(value, Join(path, key), unknown, errors);
                continue;
            }

            if (keepsResourceFields && key is "apiVersion" or "kind" && !schema.Properties.ContainsKey(key))
            {
                continue;
            }

            var (child, childPath) = ChildOf(schema, path, key);
            if (child is not null)
            {
                if (value is not null || child.Nullable)
                {
                    Check(value, child, childPath, false, unknown, errors);
                }
            }
            else if (!schema.PreserveUnknownFields && !schema.AdditionalPropertiesAllowed)
            {
                unknown.Add(Unknown(childPath));
            }
        }
    }

    private static void CheckMetadata(JsonNode? metadata, string path, List<FieldError> unknown, List<FieldError> errors)
    {
        switch (metadata)
        {
            case null:
                return;
            case JsonObject fields:
                unknown.AddRange(fields.Where(f => !ObjectMetaFields.Names.Contains(f.Key)).Select(f => Unknown(Join(path, f.Key))));
                return;
            default:
                errors.Add(TypeError(path, "object", KindOf(metadata)));
                return;
        }
    }

    private static void PruneNode(JsonNode? node, StructuralSchema schema, string path, bool isRoot, List<string> pruned)
    {
        switch (node)
        {
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    PruneNode(array[i], items, Index(path, i), false, pruned);
                }

                break;
            case JsonObject obj:
                PruneObject(obj, schema, path, isRoot, pruned);
                break;
            default:
                break;
        }
    }

    private static void PruneObject(JsonObject obj, StructuralSchema schema, string path, bool isRoot, List<string> pruned)
    {
        var keepsResourceFields = isRoot || schema.EmbeddedResource;
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            var value = obj[key];
            if (keepsResourceFields && key == "metadata")
            {
                if (value is JsonObject metadata)
                {
                    foreach (var field in metadata.Select(p => p.Key).Where(k => !ObjectMetaFields.Names.Contains(k)).ToList())
                    {
                        metadata.Remove(field);
                        pruned.Add(Join(Join(path, key), field));
                    }
                }

                continue;
            }

            if (keepsResourceFields && key is "apiVersion" or "kind" && !schema.Properties.ContainsKey(key))
            {
                continue;
            }

            var (child, childPath) = ChildOf(schema, path, key);
            if (child is not null)
            {
                if (value is null && !child.Nullable)
                {
                    obj.Remove(key);
                }
                else
                {
                    PruneNode(value, child, childPath, false, pruned);
                }
            }
            else if (!schema.PreserveUnknownFields && !schema.AdditionalPropertiesAllowed)
            {
                obj.Remove(key);
                pruned.Add(childPath);
            }
        }
    }

    private static (StructuralSchema? Child, string Path) ChildOf(StructuralSchema schema, string path, string key) =>
        schema.Properties.TryGetValue(key, out var property) ? (property, Join(path, key))
        : schema.AdditionalProperties is { } values ? (values, MapKey(path, key))
        : (null, Join(path, key));

    private static bool TypeMatches(StructuralSchema schema, JsonNode node, string kind)
    {
        if (schema.IntOrString)
        {
            return kind is "integer" or "string";
        }

        return schema.Type switch
        {
            null => true,
            "number" => kind is "number" or "integer",
            // kube-openapi accepts 2.0 for an integer.
            "integer" => kind == "integer" || (kind == "number" && IsIntegral((JsonValue)node)),
            _ => kind == schema.Type,
        };
    }

    private static string ExpectedType(StructuralSchema schema) => schema.IntOrString ? "integer,string" : schema.Type ?? "";

    private static bool IsIntegral(JsonValue value)
    {
        var number = double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
        return !double.IsInfinity(number) && number == Math.Floor(number);
    }

    private static string KindOf(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        // The API server decodes an integral literal to int64 and anything else to float64.
        JsonValueKind.Number => long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? "integer"
            : "number",
        _ => "null",
    };

    private static FieldError TypeError(string path, string expected, string actual)
    {
        var quoted = GoValueFormat.Quote(actual);
        return new FieldError(path, $"Invalid value: {quoted}: {path} in body must be of type {expected}: {quoted}");
    }

    private static FieldError Unknown(string path) => new(path, $"unknown field {GoValueFormat.Quote(path)}");

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool IsDateTime(string text) =>
        DateTimeRegex().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string MapKey(string path, string key) => $"{path}[{key}]";

    private static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    // RFC 3339, as the date-time format of kube-openapi's strfmt accepts it.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeRegex();
}
