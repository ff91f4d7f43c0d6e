namespace VmAddon.DevCluster.OpenApi;

/// <summary>How the CLR types of KubernetesClient model properties map onto JSON shapes: models, lists and maps.</summary>
internal static class ModelTypes
{
    /// <summary>Whether the type is a KubernetesClient model (a class in k8s.Models, including IntOrString and ResourceQuantity).</summary>
    public static bool IsModel(Type type) => type.Namespace == "k8s.Models" && type.IsClass && !type.IsAbstract;

    /// <summary>The model a property holds, directly or as list items or map values; null for scalars.</summary>
    public static Type? ElementModel(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsModel(type))
        {
            return type;
        }

        var inner = MapValueType(type) ?? ListItemType(type);
        return inner is null ? null : ElementModel(inner);
    }

    /// <summary>The value type of a string-keyed map, or null.</summary>
    public static Type? MapValueType(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Prepend(type))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            {
                var arguments = candidate.GetGenericArguments();
                return arguments[0] == typeof(string)
                    ? arguments[1]
                    : throw new NotSupportedException($"Map keys must be strings: {type.FullName}.");
            }
        }

        return null;
    }

    /// <summary>The item type of a list (not of a string or a byte array), or null.</summary>
    public static Type? ListItemType(Type type)
    {
        if (type == typeof(string) || type == typeof(byte[]))
        {
            return null;
        }

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
