using System.Globalization;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>
/// kube-scheduler's FitError text, which becomes the PodScheduled condition's message and the FailedScheduling event's
/// note: "0/N nodes are available: " then either the PreFilter message or each node reason with its count, sorted and
/// comma-joined, ending in "."; then the PostFilter (preemption) message, itself a FitError over the preemption verdicts.
/// </summary>
internal static class FailureMessage
{
    /// <summary>kube-scheduler's ErrNoNodesAvailable, when the cluster has no node at all.</summary>
    public const string NoNodes = "no nodes available to schedule pods";

    public const string PreemptionNotHelpful = "Preemption is not helpful for scheduling";

    public const string NoPreemptionVictims = "No preemption victims found for incoming pod";

    public const string PreemptionNever = "not eligible due to preemptionPolicy=Never.";

    public static string Format(int allNodes, string? preFilterMessage, IEnumerable<NodeRejection> rejections, string? postFilterMessage)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"0/{allNodes} nodes are available:");
        if (preFilterMessage is not null)
        {
            message += $" {preFilterMessage}.";
        }
        else if (Histogram(rejections) is { Length: > 0 } histogram)
        {
            message += $" {histogram}.";
        }

        return postFilterMessage is null ? message : $"{message} {postFilterMessage}";
    }

    /// <summary>
    /// The DefaultPreemption PostFilter's message when it finds no candidate: nodes rejected for good are "not helpful";
    /// the others would need lower-priority victims, which the dev scheduler never evicts (it does not preempt).
    /// </summary>
    public static string Preemption(int allNodes, IEnumerable<NodeRejection> rejections, bool preemptionNever)
    {
        if (preemptionNever)
        {
            return $"preemption: {PreemptionNever}";
        }

        var verdicts = rejections.Select(r => r.Unresolvable ? NodeRejection.Hard(PreemptionNotHelpful) : NodeRejection.Hard(NoPreemptionVictims));
        return $"preemption: {Format(allNodes, null, verdicts, null)}";
    }

    // Go's sort.Strings: byte order, so "10 x" sorts before "2 y" exactly as in kube's messages.
    private static string Histogram(IEnumerable<NodeRejection> rejections) =>
        string.Join(", ", rejections.SelectMany(r => r.Reasons)
            .GroupBy(reason => reason, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"))
            .Order(StringComparer.Ordinal));
}
