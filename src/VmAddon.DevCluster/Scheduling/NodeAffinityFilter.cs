using k8s.Models;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>kube-scheduler's NodeAffinity plugin: nodeSelector and required node affinity, with its PreFilter narrowing to the nodes named by metadata.name terms.</summary>
internal static class NodeAffinityFilter
{
    public const string Reason = "node(s) didn't match Pod's node affinity/selector";

    /// <summary>The PreFilter rejection when every term names a different node: no node can match.</summary>
    public const string ConflictReason = "pod affinity terms conflict";

    /// <summary>The reason given for nodes the PreFilter left out.</summary>
    public const string NotNamedReason = "node(s) didn't satisfy plugin(s) [NodeAffinity]";

    public static NodeRejection? Filter(V1PodSpec pod, SchedulingNode node) =>
        RequiredNodeAffinity.Matches(pod, node.Node) ? null : NodeRejection.Hard(Reason);

    /// <summary>
    /// The node names the pod can only go to when each of its required terms pins metadata.name with In (the union over
    /// terms of the intersection within a term); null when some term allows any node. An empty set is the conflict.
    /// </summary>
    public static IReadOnlySet<string>? NamedNodes(V1PodSpec pod)
    {
        if (RequiredNodeAffinity.Required(pod) is not { } selector)
        {
            return null;
        }

        HashSet<string>? names = null;
        foreach (var term in selector.NodeSelectorTerms ?? [])
        {
            HashSet<string>? termNames = null;
            foreach (var field in term.MatchFields ?? [])
            {
                if (field.Key == RequiredNodeAffinity.NameField && field.OperatorProperty == "In")
                {
                    var values = new HashSet<string>(field.Values ?? [], StringComparer.Ordinal);
                    termNames = termNames is null ? values : [.. termNames.Intersect(values)];
                }
            }

            if (termNames is null)
            {
                return null;
            }

            names = names is null ? termNames : [.. names.Union(termNames)];
        }

        return names;
    }
}
