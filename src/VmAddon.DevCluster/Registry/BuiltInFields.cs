using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;
using VmAddon.DevCluster.OpenApi;

namespace VmAddon.DevCluster.Registry;

/// <summary>
/// The fields a built-in kind knows, read from its KubernetesClient model. kube-apiserver decodes built-ins into typed
/// structs, so an unknown field is reported (strict field validation) and never stored.
/// </summary>
internal static class BuiltInFields
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Type>> Fields = new();

    /// <summary>Removes the fields <paramref name="model"/> does not know from <paramref name="obj"/> and returns their paths, such as <c>spec.containers[0].colour</c>.</summary>
    public static IReadOnlyList<string> PruneUnknown(Type model, JsonObject obj)
    {
        var unknown = new List<string>();
        Walk(model, obj, "", unknown);
        return unknown;
    }

    private static void Walk(Type type, JsonNode? node, string path, List<string> unknown)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        switch (node)
        {
            case JsonObject obj when ModelTypes.IsModel(type) && !IsOpaque(type):
                var fields = FieldsOf(type);
                foreach (var (name, _) in obj.ToList())
                {
                    var fieldPath = path.Length == 0 ? name : $"{path}.{name}";
                    if (fields.TryGetValue(name, out var fieldType))
                    {
                        Walk(fieldType, obj[name], fieldPath, unknown);
                    }
                    else
                    {
                        unknown.Add(fieldPath);
                        obj.Remove(name);
                    }
                }

                break;
            case JsonObject map when ModelTypes.MapValueType(type) is { } valueType:
                foreach (var (key, _) in map.ToList())
                {
                    Walk(valueType, map[key], $"{path}.{key}", unknown);
                }

                break;
            case JsonArray list when ModelTypes.ListItemType(type) is { } itemType:
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(itemType, list[i], $"{path}[{i}]", unknown);
                }

                break;
            default:
                break;
        }
    }

    // Values whose JSON is free-form or a scalar in a wrapper: nothing inside them is checked.
    private static bool IsOpaque(Type type) => type == typeof(IntOrString) || type == typeof(ResourceQuantity) || type == typeof(V1Patch);

    private static IReadOnlyDictionary<string, Type> FieldsOf(Type model) => Fields.GetOrAdd(model, static m => m
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, p.PropertyType))
        .Where(p => p.Name is not null)
        .ToDictionary(p => p.Name!, p => p.PropertyType, StringComparer.Ordinal));
}
