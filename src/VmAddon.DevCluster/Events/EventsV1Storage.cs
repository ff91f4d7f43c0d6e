using System.Text.Json.Nodes;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.Events;

/// <summary>Serves events.k8s.io/v1 Events from the core/v1 Events storage, so both APIs see the same objects.</summary>
public sealed class EventsV1Storage : IObjectConversion
{
    private static readonly (string Served, string Stored)[] Fields =
    [
        ("regarding.", "involvedObject."),
        ("reportingController", "reportingComponent"),
    ];

    public JsonObject ToServed(JsonObject stored) => EventConversion.ToEventsV1(stored);

    public JsonObject ToStored(JsonObject served) => EventConversion.ToCoreV1(served);

    public string? ToStoredFieldSelector(string? fieldSelector)
    {
        if (string.IsNullOrEmpty(fieldSelector))
        {
            return fieldSelector;
        }

        return string.Join(',', fieldSelector.Split(',').Select(requirement =>
        {
            foreach (var (served, stored) in Fields)
            {
                if (requirement.StartsWith(served, StringComparison.Ordinal))
                {
                    return stored + requirement[served.Length..];
                }
            }

            return requirement;
        }));
    }
}
