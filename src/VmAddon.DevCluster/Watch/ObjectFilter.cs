using System.Text.Json.Nodes;
using VmAddon.DevCluster.Selectors;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Watch;

/// <summary>The namespace and selectors a list or watch applies to objects.</summary>
internal sealed record ObjectFilter(string? Namespace, LabelSelector Labels, FieldSelector Fields)
{
    public bool Matches(JsonObject obj) =>
        (string.IsNullOrEmpty(Namespace) || ObjectMetadata.Namespace(obj) == Namespace)
        && Labels.Matches(obj)
        && Fields.Matches(obj);

    public static ObjectFilter Create(ResourceType type, string? ns, string? labelSelector, string? fieldSelector)
    {
        try
        {
            var fields = FieldSelector.Parse(fieldSelector);
            foreach (var requirement in fields.Requirements)
            {
                if (!type.CanSelectField(requirement.Field))
                {
                    throw StoreException.BadRequest($"field label not supported: {requirement.Field}");
                }
            }

            return new ObjectFilter(type.Namespaced ? ns : null, LabelSelector.Parse(labelSelector), fields);
        }
        catch (SelectorParseException e)
        {
            throw StoreException.BadRequest(e.Message);
        }
    }
}
