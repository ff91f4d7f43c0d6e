using Microsoft.Extensions.Logging;

namespace VmAddon.Kube.Queue;

/// <summary>Runs reconcile workers over a <see cref="WorkQueue"/>: failure re-adds with backoff, success forgets, and every key is marked done.</summary>
public static class QueueWorkers
{
    /// <summary>Runs <paramref name="workers"/> loops until the queue is shut down and drained or <paramref name="cancellationToken"/> is cancelled.</summary>
    public static Task RunWorkersAsync(
        WorkQueue queue,
        int workers,
        Func<string, CancellationToken, Task> reconcile,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(reconcile);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        return Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(queue, reconcile, logger, cancellationToken), CancellationToken.None)));
    }

    private static async Task WorkAsync(WorkQueue queue, Func<string, CancellationToken, Task> reconcile, ILogger logger, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string? key;
            try
            {
                key = await queue.GetAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (key is null)
            {
                return;
            }

            try
            {
                await reconcile(key, cancellationToken).ConfigureAwait(false);
                queue.Forget(key);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: the key is not failed, and a successor picks it up from its own list.
            }
            catch (Exception e)
            {
                QueueLog.ReconcileFailed(logger, key, queue.Failures(key) + 1, e);
                queue.AddRateLimited(key);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }
}
