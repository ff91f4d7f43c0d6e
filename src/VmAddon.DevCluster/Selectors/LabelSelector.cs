using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Selectors;

/// <summary>A parsed Kubernetes label selector: requirements joined by AND.</summary>
public sealed record LabelSelector(IReadOnlyList<LabelRequirement> Requirements)
{
    public static LabelSelector Everything { get; } = new([]);

    public bool IsEverything => Requirements.Count == 0;

    /// <summary>Parses <c>a=b,c!=d,e in (x,y),f notin (z),g,!h</c>; an empty or null text selects everything.</summary>
    public static LabelSelector Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Everything : new LabelSelectorParser(text).Parse();

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));

    public bool Matches(JsonObject obj) => IsEverything || Matches(LabelsOf(obj));

    internal static Dictionary<string, string> LabelsOf(JsonObject obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"] is JsonObject metadata && metadata["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    labels[key] = s;
                }
            }
        }

        return labels;
    }
}
