using k8s.Models;

namespace VmAddon.Core.Machines;

/// <summary>Reads a Node's health facts: since when its Ready condition is not True, and whether its agent's heartbeat is stale.</summary>
public static class NodeReadiness
{
    /// <summary>
    /// When the node stopped being Ready (the Ready condition's lastTransitionTime while it is False or Unknown), or
    /// null while it is Ready. A node without a Ready condition has never been Ready; it counts from its creation.
    /// A node that no longer exists counts as NotReady since forever.
    /// </summary>
    public static DateTimeOffset? NotReadySince(V1Node? node)
    {
        if (node is null)
        {
            return DateTimeOffset.MinValue;
        }

        var ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        if (ready?.Status == "True")
        {
            return null;
        }

        var since = ready?.LastTransitionTime ?? node.Metadata?.CreationTimestamp;
        return since is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : DateTimeOffset.MinValue;
    }

    /// <summary>
    /// Whether the node should be labelled unschedulable because its agent's heartbeat annotation (RFC 3339) is
    /// older than <paramref name="timeout"/>, and when to look again otherwise. A node without a heartbeat has no
    /// agent yet, and the agent sets the label itself when it starts, so it is left alone.
    /// </summary>
    public static HeartbeatVerdict Heartbeat(string? heartbeat, TimeSpan timeout, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(heartbeat)
            || !DateTimeOffset.TryParse(heartbeat, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var last))
        {
            return new HeartbeatVerdict(Stale: false, RecheckAfter: null);
        }

        var age = now - last;
        return age >= timeout ? new HeartbeatVerdict(true, null) : new HeartbeatVerdict(false, timeout - age);
    }
}
