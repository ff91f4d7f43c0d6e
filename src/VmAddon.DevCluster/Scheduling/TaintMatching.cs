using k8s.Models;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>Kubernetes' taint and toleration matching (core/v1 helper), shared by the scheduler and the node lifecycle controller.</summary>
internal static class TaintMatching
{
    public const string NoSchedule = "NoSchedule";
    public const string PreferNoSchedule = "PreferNoSchedule";
    public const string NoExecute = "NoExecute";

    /// <summary>Whether one toleration tolerates one taint: an empty effect or key matches any, an empty operator means Equal.</summary>
    public static bool Tolerates(V1Toleration toleration, V1Taint taint)
    {
        if (!string.IsNullOrEmpty(toleration.Effect) && toleration.Effect != taint.Effect)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(toleration.Key) && toleration.Key != taint.Key)
        {
            return false;
        }

        return toleration.OperatorProperty switch
        {
            null or "" or "Equal" => (toleration.Value ?? "") == (taint.Value ?? ""),
            "Exists" => true,
            _ => false,
        };
    }

    public static bool Tolerated(IEnumerable<V1Toleration>? tolerations, V1Taint taint) => (tolerations ?? []).Any(t => Tolerates(t, taint));

    /// <summary>The first taint, in node order, with effect NoSchedule or NoExecute that no toleration tolerates (PreferNoSchedule never blocks).</summary>
    public static V1Taint? FirstUntoleratedForScheduling(IEnumerable<V1Taint> taints, IList<V1Toleration>? tolerations) =>
        taints.FirstOrDefault(t => t.Effect is NoSchedule or NoExecute && !Tolerated(tolerations, t));

    /// <summary>For each taint the first toleration that tolerates it; null when some taint is not tolerated (GetMatchingTolerations).</summary>
    public static IReadOnlyList<V1Toleration>? MatchingTolerations(IReadOnlyList<V1Taint> taints, IList<V1Toleration>? tolerations)
    {
        var used = new List<V1Toleration>(taints.Count);
        foreach (var taint in taints)
        {
            if ((tolerations ?? []).FirstOrDefault(t => Tolerates(t, taint)) is not { } toleration)
            {
                return null;
            }

            used.Add(toleration);
        }

        return used;
    }
}
