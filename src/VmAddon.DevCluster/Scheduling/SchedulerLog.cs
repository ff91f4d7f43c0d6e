using Microsoft.Extensions.Logging;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>The scheduler's log messages.</summary>
internal static partial class SchedulerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "scheduler {Scheduler}: caches synced; scheduling")]
    public static partial void Started(ILogger log, string scheduler);

    [LoggerMessage(Level = LogLevel.Information, Message = "bound pod {Namespace}/{Pod} to node {Node}")]
    public static partial void Bound(ILogger log, string @namespace, string pod, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "pod {Namespace}/{Pod} is unschedulable: {Reason}")]
    public static partial void Unschedulable(ILogger log, string @namespace, string pod, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "pod {Namespace}/{Pod} was bound or deleted by someone else: {Reason}")]
    public static partial void BindConflict(ILogger log, string @namespace, string pod, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "binding pod {Namespace}/{Pod} to node {Node} failed; will retry")]
    public static partial void BindFailed(ILogger log, string @namespace, string pod, string node, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "updating the PodScheduled condition of pod {Namespace}/{Pod} failed")]
    public static partial void StatusFailed(ILogger log, string @namespace, string pod, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "recording event {Reason} for pod {Namespace}/{Pod} failed")]
    public static partial void EventFailed(ILogger log, string reason, string? @namespace, string pod, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "scheduling pass failed; retrying")]
    public static partial void PassFailed(ILogger log, Exception error);
}
