using System.Text.Json.Nodes;

namespace VmAddon.Api.Schema;

/// <summary>
/// Fills in a CRD schema's <c>default</c> values as kube-apiserver does: for absent fields of objects that exist
/// (a default never creates its parent unless the parent has a default too), inside array items and map values,
/// after pruning. The value is changed in place.
/// </summary>
public static class StructuralDefaulter
{
    public static void Apply(JsonNode? value, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, property) in schema.Properties)
                {
                    if (obj[name] is null && property.Default is { } fallback && !(obj.ContainsKey(name) && property.Nullable))
                    {
                        obj[name] = fallback.DeepClone();
                    }

                    Apply(obj[name], property);
                }

                if (schema.AdditionalProperties is { } values)
                {
                    foreach (var name in obj.Select(p => p.Key).Where(k => !schema.Properties.ContainsKey(k)).ToList())
                    {
                        Apply(obj[name], values);
                    }
                }

                break;
            case JsonArray array when schema.Items is { } items:
                foreach (var item in array)
                {
                    Apply(item, items);
                }

                break;
            default:
                break;
        }
    }
}
