using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VmAddon.Api.Schema;

/// <summary>An immutable, parsed OpenAPI v3 schema node of a CRD, ready for validation and pruning.</summary>
public sealed class StructuralSchema
{
    private static readonly StructuralSchema[] _none = [];

    public string? Type { get; private init; }

    public string? Format { get; private init; }

    public string? Description { get; private init; }

    public bool Nullable { get; private init; }

    public IReadOnlyList<JsonNode?>? Enum { get; private init; }

    public double? Minimum { get; private init; }

    public double? Maximum { get; private init; }

    public bool ExclusiveMinimum { get; private init; }

    public bool ExclusiveMaximum { get; private init; }

    public long? MinLength { get; private init; }

    public long? MaxLength { get; private init; }

    public long? MinItems { get; private init; }

    public long? MaxItems { get; private init; }

    public long? MinProperties { get; private init; }

    public long? MaxProperties { get; private init; }

    public string? Pattern { get; private init; }

    public IReadOnlyList<string> Required { get; private init; } = [];

    public IReadOnlyDictionary<string, StructuralSchema> Properties { get; private init; } =
        new Dictionary<string, StructuralSchema>();

    /// <summary>The schema of map values, when additionalProperties is a schema.</summary>
    public StructuralSchema? AdditionalProperties { get; private init; }

    /// <summary>True when additionalProperties is the boolean true: any value is kept.</summary>
    public bool AdditionalPropertiesAllowed { get; private init; }

    public StructuralSchema? Items { get; private init; }

    public IReadOnlyList<StructuralSchema> AnyOf { get; private init; } = _none;

    public IReadOnlyList<StructuralSchema> AllOf { get; private init; } = _none;

    public bool PreserveUnknownFields { get; private init; }

    public bool IntOrString { get; private init; }

    public bool EmbeddedResource { get; private init; }

    public string? ListType { get; private init; }

    public IReadOnlyList<string> ListMapKeys { get; private init; } = [];

    /// <summary>The schema's <c>default</c>, which kube-apiserver fills in where the field is absent; null when none.</summary>
    public JsonNode? Default { get; private init; }

    /// <summary>The pattern compiled once; Kubernetes uses RE2, whose linear-time matching NonBacktracking mirrors.</summary>
    internal Regex? PatternRegex { get; private init; }

    /// <summary>Parses a schema node as found under a CRD version's <c>schema.openAPIV3Schema</c>.</summary>
    public static StructuralSchema Parse(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);

        var additional = node["additionalProperties"];
        return new StructuralSchema
        {
            Type = String(node, "type"),
            Format = String(node, "format"),
            Description = String(node, "description"),
            Nullable = Bool(node, "nullable"),
            Enum = node["enum"] is JsonArray values ? [.. values.Select(v => v?.DeepClone())] : null,
            Minimum = Number(node, "minimum"),
            Maximum = Number(node, "maximum"),
            ExclusiveMinimum = Bool(node, "exclusiveMinimum"),
            ExclusiveMaximum = Bool(node, "exclusiveMaximum"),
            MinLength = Integer(node, "minLength"),
            MaxLength = Integer(node, "maxLength"),
            MinItems = Integer(node, "minItems"),
            MaxItems = Integer(node, "maxItems"),
            MinProperties = Integer(node, "minProperties"),
            MaxProperties = Integer(node, "maxProperties"),
            Pattern = String(node, "pattern"),
            PatternRegex = String(node, "pattern") is { } pattern ? Compile(pattern) : null,
            Required = node["required"] is JsonArray required ? [.. required.Select(r => r!.GetValue<string>())] : [],
            Properties = node["properties"] is JsonObject properties
                ? properties.ToDictionary(p => p.Key, p => Parse((JsonObject)p.Value!), StringComparer.Ordinal)
                : new Dictionary<string, StructuralSchema>(),
            AdditionalProperties = additional is JsonObject additionalSchema ? Parse(additionalSchema) : null,
            AdditionalPropertiesAllowed = additional is JsonValue allows && allows.GetValue<bool>(),
            Items = node["items"] is JsonObject items ? Parse(items) : null,
            AnyOf = node["anyOf"] is JsonArray anyOf ? [.. anyOf.Select(s => Parse((JsonObject)s!))] : _none,
            AllOf = node["allOf"] is JsonArray allOf ? [.. allOf.Select(s => Parse((JsonObject)s!))] : _none,
            PreserveUnknownFields = Bool(node, "x-kubernetes-preserve-unknown-fields"),
            IntOrString = Bool(node, "x-kubernetes-int-or-string"),
            EmbeddedResource = Bool(node, "x-kubernetes-embedded-resource"),
            ListType = String(node, "x-kubernetes-list-type"),
            ListMapKeys = node["x-kubernetes-list-map-keys"] is JsonArray keys ? [.. keys.Select(k => k!.GetValue<string>())] : [],
            Default = node["default"]?.DeepClone(),
        };
    }

    private static Regex Compile(string pattern)
    {
        var dotNetPattern = EndAnchorsAsRe2(pattern);
        try
        {
            return new Regex(dotNetPattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            // A construct NonBacktracking lacks; RE2 lacks most of them too, so a timeout bounds the rest.
            return new Regex(dotNetPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// In RE2 '$' matches only at the end of the text; in .NET it also matches before a final newline,
    /// which would let "name\n" pass a DNS label pattern. So each '$' outside a character class becomes \z.
    /// </summary>
    internal static string EndAnchorsAsRe2(string pattern)
    {
        var builder = new System.Text.StringBuilder(pattern.Length + 4);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
                continue;
            }

            if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }

            builder.Append(c == '$' && !inClass ? "\\z" : c.ToString());
        }

        return builder.ToString();
    }

    private static string? String(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool Bool(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static double? Number(JsonObject node, string name) =>
        node[name] is JsonValue value ? double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture) : null;

    private static long? Integer(JsonObject node, string name) =>
        node[name] is JsonValue value ? long.Parse(value.ToJsonString(), CultureInfo.InvariantCulture) : null;
}
