using Microsoft.Extensions.Logging.Abstractions;
using VmAddon.Kube.Queue;

namespace VmAddon.Kube.Tests.Queue;

public sealed class QueueWorkersTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_failing_reconcile_is_retried_with_backoff_and_a_success_forgets_the_failures()
    {
        using var queue = new WorkQueue(new WorkQueueOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) });
        using var cts = new CancellationTokenSource(HangGuard);
        var attempts = 0;
        var succeeded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failuresAtSuccess = -1;
        var workers = QueueWorkers.RunWorkersAsync(queue, 2, (key, _) =>
        {
            if (++attempts < 3)
            {
                throw new InvalidOperationException("transient");
            }

            failuresAtSuccess = queue.Failures(key);
            succeeded.TrySetResult();
            return Task.CompletedTask;
        }, NullLogger.Instance, cts.Token);

        queue.Add("ns/vm");
        await succeeded.Task.WaitAsync(HangGuard);
        await queue.ShutDownAsync(cts.Token);
        await workers.WaitAsync(HangGuard);

        attempts.Should().Be(3);
        failuresAtSuccess.Should().Be(2);
        queue.Failures("ns/vm").Should().Be(0);
    }

    [Fact]
    public async Task Workers_stop_when_cancelled()
    {
        using var queue = new WorkQueue();
        using var cts = new CancellationTokenSource();
        var workers = QueueWorkers.RunWorkersAsync(queue, 3, (_, _) => Task.CompletedTask, NullLogger.Instance, cts.Token);
        await cts.CancelAsync();
        await workers.WaitAsync(HangGuard);
    }
}
