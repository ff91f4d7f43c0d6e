using System.Globalization;
using k8s.Models;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>
/// A pod's hard node constraints as kube-scheduler reads them (component-helpers' RequiredNodeAffinity): every nodeSelector
/// label, and at least one of the required node affinity terms. A term matches when all its matchExpressions (labels) and
/// matchFields (only metadata.name) hold; an empty term, or one that does not parse, matches no node.
/// </summary>
internal static class RequiredNodeAffinity
{
    public const string NameField = "metadata.name";

    public static bool Matches(V1PodSpec spec, V1Node node)
    {
        var labels = node.Metadata?.Labels ?? new Dictionary<string, string>();
        foreach (var (key, value) in spec.NodeSelector ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        if (Required(spec) is not { } selector)
        {
            return true;
        }

        return (selector.NodeSelectorTerms ?? []).Any(term => TermMatches(term, node));
    }

    public static V1NodeSelector? Required(V1PodSpec spec) => spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution;

    public static bool TermMatches(V1NodeSelectorTerm term, V1Node node)
    {
        var expressions = term.MatchExpressions ?? [];
        var fields = term.MatchFields ?? [];
        if (expressions.Count == 0 && fields.Count == 0)
        {
            return false;
        }

        // A term that does not parse is skipped as a whole (kube ignores the error for backwards compatibility).
        if (!expressions.All(IsValidLabelRequirement) || !fields.All(IsValidFieldRequirement))
        {
            return false;
        }

        var labels = node.Metadata?.Labels ?? new Dictionary<string, string>();
        return expressions.All(e => LabelRequirementHolds(e, labels))
            && fields.All(f => FieldRequirementHolds(f, node.Metadata?.Name ?? ""));
    }

    private static bool IsValidLabelRequirement(V1NodeSelectorRequirement requirement)
    {
        var values = requirement.Values ?? [];
        return requirement.OperatorProperty switch
        {
            "In" or "NotIn" => values.Count > 0,
            "Exists" or "DoesNotExist" => values.Count == 0,
            "Gt" or "Lt" => values.Count == 1 && long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            _ => false,
        };
    }

    private static bool LabelRequirementHolds(V1NodeSelectorRequirement requirement, IDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        var values = requirement.Values ?? [];
        return requirement.OperatorProperty switch
        {
            "In" => present && values.Contains(value!),
            "NotIn" => !present || !values.Contains(value!),
            "Exists" => present,
            "DoesNotExist" => !present,
            "Gt" => present && TryInteger(value!, out var gt) && gt > TryInteger(values[0]),
            "Lt" => present && TryInteger(value!, out var lt) && lt < TryInteger(values[0]),
            _ => false,
        };
    }

    // Node field selectors take In or NotIn with exactly one value.
    private static bool IsValidFieldRequirement(V1NodeSelectorRequirement requirement) =>
        requirement.OperatorProperty is "In" or "NotIn" && requirement.Values is { Count: 1 };

    private static bool FieldRequirementHolds(V1NodeSelectorRequirement requirement, string nodeName)
    {
        // metadata.name is the only node field; any other key reads as empty, as in Kubernetes' field set.
        var value = requirement.Key == NameField ? nodeName : "";
        return requirement.OperatorProperty == "In" ? value == requirement.Values[0] : value != requirement.Values[0];
    }

    private static bool TryInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static long TryInteger(string text) => TryInteger(text, out var value) ? value : 0;
}
