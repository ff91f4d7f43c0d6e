using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Catalog;

/// <summary>How a resource served in one form is stored in another (events.k8s.io/v1 Events are kept as core/v1 Events, as in kube-apiserver).</summary>
public interface IObjectConversion
{
    /// <summary>The served form of a stored object.</summary>
    JsonObject ToServed(JsonObject stored);

    /// <summary>The stored form of a served object.</summary>
    JsonObject ToStored(JsonObject served);

    /// <summary>A field selector over served fields, rewritten over stored fields.</summary>
    string? ToStoredFieldSelector(string? fieldSelector);
}
