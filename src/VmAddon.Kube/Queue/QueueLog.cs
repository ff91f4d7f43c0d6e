using Microsoft.Extensions.Logging;

namespace VmAddon.Kube.Queue;

internal static partial class QueueLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "reconcile of {Key} failed (attempt {Attempt}); requeued with backoff")]
    public static partial void ReconcileFailed(ILogger log, string key, int attempt, Exception exception);
}
