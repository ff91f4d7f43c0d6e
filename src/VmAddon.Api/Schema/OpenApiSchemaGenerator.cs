using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;

namespace VmAddon.Api.Schema;

/// <summary>Reflects over the API's C# types and produces structural OpenAPI v3 schemas for their CRDs.</summary>
public static class OpenApiSchemaGenerator
{
    /// <summary>The pattern controller-gen and KubeVirt put on quantities; it accepts every form ResourceQuantity parses.</summary>
    public const string QuantityPattern =
        @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$";

    private const string ApiVersionDescription =
        "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized " +
        "schemas to the latest internal value, and may reject unrecognized values. More info: " +
        "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";

    private const string KindDescription =
        "Kind is a string value representing the REST resource this object represents. Servers may infer this from the " +
        "endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: " +
        "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

    /// <summary>
    /// The openAPIV3Schema of a top-level resource: apiVersion, kind, an untyped metadata (the API server
    /// validates ObjectMeta itself, and a CRD may not constrain it), and the typed spec and status.
    /// </summary>
    public static JsonObject ForResource(Type specType, Type? statusType, string description)
    {
        var properties = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["description"] = ApiVersionDescription, ["type"] = "string" },
            ["kind"] = new JsonObject { ["description"] = KindDescription, ["type"] = "string" },
            ["metadata"] = new JsonObject { ["type"] = "object" },
            ["spec"] = ForType(specType),
        };
        if (statusType is not null)
        {
            properties["status"] = ForType(statusType);
        }

        return new JsonObject
        {
            ["description"] = description,
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray("spec"),
        };
    }

    /// <summary>The schema of one C# type, with the facts its attributes declare.</summary>
    public static JsonObject ForType(Type type) => ForType(type, []);

    private static JsonObject ForType(Type type, HashSet<Type> visiting)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;

        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int) || type == typeof(short) || type == typeof(byte))
        {
            return new JsonObject { ["format"] = "int32", ["type"] = "integer" };
        }

        if (type == typeof(long))
        {
            return new JsonObject { ["format"] = "int64", ["type"] = "integer" };
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return new JsonObject { ["type"] = "number" };
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new JsonObject { ["format"] = "date-time", ["type"] = "string" };
        }

        if (type == typeof(ResourceQuantity))
        {
            // Kubernetes accepts a quantity as a JSON number or a string; the pattern
            // applies only to the string form, as in KubeVirt's and controller-gen's CRDs.
            var quantity = IntOrString();
            quantity["pattern"] = QuantityPattern;
            return quantity;
        }

        if (type == typeof(IntOrString))
        {
            return IntOrString();
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            return new JsonObject { ["additionalProperties"] = ForType(valueType, visiting), ["type"] = "object" };
        }

        if (ListItemType(type) is { } itemType)
        {
            return new JsonObject { ["items"] = ForType(itemType, visiting), ["type"] = "array" };
        }

        if (type.IsEnum || type.IsPrimitive || !type.IsClass)
        {
            throw new NotSupportedException($"No schema mapping for {type.FullName}.");
        }

        return ForObject(type, visiting);
    }

    private static JsonObject IntOrString() => new()
    {
        ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
        ["x-kubernetes-int-or-string"] = true,
    };

    private static JsonObject ForObject(Type type, HashSet<Type> visiting)
    {
        // A structural schema is a finite tree; a recursive type would need preserve-unknown-fields.
        if (!visiting.Add(type))
        {
            throw new InvalidOperationException($"{type.FullName} is recursive; a structural schema cannot express it.");
        }

        var isKubernetesModel = KubernetesModelFacts.IsKubernetesModel(type);
        var properties = new JsonObject();
        var required = new SortedSet<string>(KubernetesModelFacts.RequiredOf(type), StringComparer.Ordinal);

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var jsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (jsonName is null)
            {
                // KubernetesClient models name every serialised property; anything else on them is not JSON.
                if (isKubernetesModel)
                {
                    continue;
                }

                jsonName = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            }

            properties[jsonName] = ForProperty(property, visiting);
            if (property.GetCustomAttribute<RequiredFieldAttribute>() is not null)
            {
                required.Add(jsonName);
            }
        }

        visiting.Remove(type);

        var schema = new JsonObject();
        if (type.GetCustomAttribute<DocAttribute>() is { } doc)
        {
            schema["description"] = doc.Text;
        }

        // An empty record (for example masquerade: {}) is an object with no fields; pruning drops anything put in it.
        if (properties.Count > 0)
        {
            schema["properties"] = properties;
        }

        if (required.Count > 0)
        {
            schema["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        }

        schema["type"] = "object";
        return schema;
    }

    private static JsonObject ForProperty(PropertyInfo property, HashSet<Type> visiting)
    {
        var schema = ForType(property.PropertyType, visiting);

        if (property.GetCustomAttribute<DocAttribute>() is { } doc)
        {
            schema["description"] = doc.Text;
        }

        if (property.GetCustomAttribute<EnumValuesAttribute>() is { } enumValues)
        {
            schema["enum"] = new JsonArray([.. enumValues.Values.Select(v => (JsonNode)v)]);
        }

        if (property.GetCustomAttribute<BoundsAttribute>() is { } bounds)
        {
            schema["minimum"] = bounds.Minimum;
            if (bounds.Maximum != long.MaxValue)
            {
                schema["maximum"] = bounds.Maximum;
            }
        }

        if (property.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            schema["pattern"] = pattern.Pattern;
        }

        if (property.GetCustomAttribute<ListMapKeyAttribute>() is { } listMapKey)
        {
            schema["x-kubernetes-list-map-keys"] = new JsonArray(listMapKey.Key);
            schema["x-kubernetes-list-type"] = "map";
        }

        if (property.PropertyType == typeof(TemplateMetadata))
        {
            // Manifests written by kubectl or virtctl carry "creationTimestamp: null" and other
            // ObjectMeta fields in template metadata; KubeVirt keeps them, so strict field
            // validation must not reject a KubeVirt manifest for them. name, labels and
            // annotations are still typed and validated.
            schema["x-kubernetes-preserve-unknown-fields"] = true;
        }

        return schema;
    }

    private static Type? DictionaryValueType(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Prepend(type))
        {
            if (candidate.IsGenericType
                && (candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>)
                    || candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            {
                var arguments = candidate.GetGenericArguments();
                return arguments[0] == typeof(string)
                    ? arguments[1]
                    : throw new NotSupportedException($"Map keys must be strings: {type.FullName}.");
            }
        }

        return null;
    }

    private static Type? ListItemType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        foreach (var candidate in type.GetInterfaces().Prepend(type))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                return candidate.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
