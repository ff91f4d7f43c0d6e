using Microsoft.Extensions.Logging;

namespace VmAddon.DevCluster.NodeLifecycle;

/// <summary>The node lifecycle controller's log messages.</summary>
internal static partial class NodeLifecycleLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "node lifecycle controller: caches synced; monitoring nodes every {Period} (grace {Grace})")]
    public static partial void Started(ILogger log, TimeSpan period, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "node {Node}: no heartbeat since {LastHeartbeat}; its conditions are now Unknown")]
    public static partial void Stale(ILogger log, string node, DateTimeOffset lastHeartbeat);

    [LoggerMessage(Level = LogLevel.Information, Message = "node {Node}: taints now {Taints}")]
    public static partial void Tainted(ILogger log, string node, string taints);

    [LoggerMessage(Level = LogLevel.Information, Message = "pod {Namespace}/{Pod} on node {Node} marked not ready")]
    public static partial void PodNotReady(ILogger log, string @namespace, string pod, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "evicting pod {Namespace}/{Pod} from node {Node} (NoExecute taint)")]
    public static partial void Evicting(ILogger log, string @namespace, string pod, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "force-deleting pod {Namespace}/{Pod} from out-of-service node {Node}")]
    public static partial void ForceDeleting(ILogger log, string @namespace, string pod, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Action} for {Object} failed; will retry")]
    public static partial void WriteFailed(ILogger log, string action, string @object, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "recording event {Reason} for {Kind} {Name} failed")]
    public static partial void EventFailed(ILogger log, string reason, string kind, string name, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "node lifecycle pass failed; retrying")]
    public static partial void PassFailed(ILogger log, Exception error);
}
