using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>
/// OpenAPI v3 component schemas of KubernetesClient models, reflected from their properties in the shape
/// kube-apiserver publishes: one named schema per Go type, fields referring to others with <c>$ref</c>.
/// </summary>
internal static class ModelSchemas
{
    private static readonly ConcurrentDictionary<Type, ReflectedModel> _reflected = new();

    /// <summary>Adds a model's schema and every schema it refers to; returns the model's definition name.</summary>
    /// <param name="schemas">The document's schemas; entries already present are kept.</param>
    /// <param name="model">A KubernetesClient model type.</param>
    public static string AddTo(IDictionary<string, JsonObject> schemas, Type model)
    {
        var root = Reflect(model).Name;
        var pending = new Stack<Type>([model]);
        while (pending.TryPop(out var type))
        {
            var reflected = Reflect(type);
            if (schemas.ContainsKey(reflected.Name))
            {
                continue;
            }

            schemas[reflected.Name] = (JsonObject)reflected.Schema.DeepClone();
            foreach (var dependency in reflected.Dependencies)
            {
                pending.Push(dependency);
            }
        }

        return root;
    }

    /// <summary>A reference to a named schema, as kube-apiserver writes it where a field adds a description: <c>allOf</c> around the <c>$ref</c>.</summary>
    public static JsonObject RefWithSiblings(string name) => new() { ["allOf"] = new JsonArray(Ref(name)) };

    /// <summary>A bare reference to a named schema.</summary>
    public static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    private static ReflectedModel Reflect(Type model) => _reflected.GetOrAdd(model, static m => m == typeof(IntOrString) || m == typeof(ResourceQuantity) || m == typeof(V1Patch)
        ? new ReflectedModel(KubeModelNames.For(m), WellKnownSchemas.For(m), [])
        : ReflectObject(m));

    private static ReflectedModel ReflectObject(Type model)
    {
        if (!ModelTypes.IsModel(model))
        {
            throw new NotSupportedException($"{model.FullName} is not a KubernetesClient model.");
        }

        var documentation = ModelDocumentation.Shared;
        var dependencies = new HashSet<Type>();
        var properties = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var required = new SortedSet<string>(KubernetesFieldFacts.RequiredOf(model), StringComparer.Ordinal);

        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // The models name every serialised property; anything else (V1Status.HasObject) is not JSON.
            var jsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (jsonName is null)
            {
                continue;
            }

            var schema = FieldSchema(property.PropertyType, dependencies);
            if (documentation.Of(property) is { } description)
            {
                schema["description"] = description;
            }

            KubernetesFieldFacts.AddListExtensions(model, jsonName, schema);
            properties[jsonName] = schema;
            if (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null)
            {
                required.Add(jsonName);
            }
        }

        var result = new JsonObject();
        if (documentation.Of(model) is { } typeDescription)
        {
            result["description"] = typeDescription;
        }

        if (properties.Count > 0)
        {
            result["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }

        if (required.Count > 0)
        {
            result["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        }

        result["type"] = "object";
        if (model.GetCustomAttribute<KubernetesEntityAttribute>() is { Kind.Length: > 0 } entity)
        {
            result["x-kubernetes-group-version-kind"] = new JsonArray(Gvk.Of(entity.Group, entity.ApiVersion, entity.Kind));
        }

        return new ReflectedModel(KubeModelNames.For(model), result, [.. dependencies]);
    }

    // A field's own schema; named models become references, with allOf so the field can carry a description.
    private static JsonObject FieldSchema(Type type, HashSet<Type> dependencies)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (ModelTypes.IsModel(type))
        {
            dependencies.Add(type);
            return RefWithSiblings(KubeModelNames.For(type));
        }

        return ValueSchema(type, dependencies);
    }

    // The schema of list items and map values: kube-apiserver refers to struct items through allOf with an empty
    // default, and to scalar-like named types (Quantity, IntOrString) with a bare $ref.
    private static JsonObject ElementSchema(Type type, HashSet<Type> dependencies)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!ModelTypes.IsModel(type))
        {
            return ValueSchema(type, dependencies);
        }

        dependencies.Add(type);
        var name = KubeModelNames.For(type);
        if (type == typeof(IntOrString) || type == typeof(ResourceQuantity))
        {
            return Ref(name);
        }

        var item = RefWithSiblings(name);
        item["default"] = new JsonObject();
        return item;
    }

    private static JsonObject ValueSchema(Type type, HashSet<Type> dependencies)
    {
        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int) || type == typeof(short))
        {
            return new JsonObject { ["format"] = "int32", ["type"] = "integer" };
        }

        if (type == typeof(long))
        {
            return new JsonObject { ["format"] = "int64", ["type"] = "integer" };
        }

        if (type == typeof(double) || type == typeof(float))
        {
            return new JsonObject { ["format"] = "double", ["type"] = "number" };
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new JsonObject { ["format"] = "date-time", ["type"] = "string" };
        }

        if (type == typeof(byte[]))
        {
            return new JsonObject { ["format"] = "byte", ["type"] = "string" };
        }

        if (type == typeof(object))
        {
            // Free-form JSON (RawExtension, FieldsV1, apiextensions JSON): any value.
            return new JsonObject();
        }

        if (ModelTypes.MapValueType(type) is { } valueType)
        {
            return new JsonObject { ["additionalProperties"] = ElementSchema(valueType, dependencies), ["type"] = "object" };
        }

        if (ModelTypes.ListItemType(type) is { } itemType)
        {
            return new JsonObject { ["items"] = ElementSchema(itemType, dependencies), ["type"] = "array" };
        }

        throw new NotSupportedException($"No OpenAPI mapping for {type.FullName}.");
    }

    private sealed record ReflectedModel(string Name, JsonObject Schema, IReadOnlyList<Type> Dependencies);
}
