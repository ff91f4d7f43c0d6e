using VmAddon.Kube.Queue;

namespace VmAddon.Controller.Runtime;

/// <summary>
/// The common run loop of a controller: wait for its caches, report its queue depth, and run its workers with each
/// reconcile counted and timed per controller. A failing reconcile is logged and requeued with backoff by the workers.
/// </summary>
internal static class ControllerLoop
{
    public static async Task RunAsync(
        string controller, WorkQueue queue, IEnumerable<Task> cachesSynced, int workers,
        Func<string, CancellationToken, Task> reconcile, ControllerContext context, CancellationToken cancellationToken)
    {
        await Task.WhenAll(cachesSynced).WaitAsync(cancellationToken).ConfigureAwait(false);
        using var depth = context.Metrics?.RegisterQueueDepth(controller, () => queue.Depth);
        await QueueWorkers.RunWorkersAsync(queue, workers, Measured, context.Log, cancellationToken).ConfigureAwait(false);

        async Task Measured(string key, CancellationToken ct)
        {
            var started = context.Time.GetTimestamp();
            var result = "error";
            try
            {
                await reconcile(key, ct).ConfigureAwait(false);
                result = "success";
            }
            finally
            {
                context.Metrics?.RecordReconcile(controller, result, context.Time.GetElapsedTime(started));
            }
        }
    }
}
