using Microsoft.Extensions.Logging.Abstractions;
using VmAddon.Kube.Queue;

namespace VmAddon.Kube.Tests.Queue;

public sealed class WorkQueueTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    private static async Task<string?> Get(WorkQueue queue)
    {
        using var cts = new CancellationTokenSource(HangGuard);
        return await queue.GetAsync(cts.Token);
    }

    [Fact]
    public async Task A_key_added_twice_while_waiting_is_handed_out_once()
    {
        using var queue = new WorkQueue();
        queue.Add("ns/a");
        queue.Add("ns/b");
        queue.Add("ns/a");

        queue.Depth.Should().Be(2);
        (await Get(queue)).Should().Be("ns/a");
        (await Get(queue)).Should().Be("ns/b");
        queue.Depth.Should().Be(0);
    }

    [Fact]
    public async Task A_key_added_while_processing_is_queued_again_only_after_Done()
    {
        using var queue = new WorkQueue();
        queue.Add("ns/a");
        var key = await Get(queue);
        queue.Add("ns/a");
        queue.Add("ns/a");

        queue.Depth.Should().Be(0, "the key is being processed");
        using var cts = new CancellationTokenSource();
        var second = queue.GetAsync(cts.Token).AsTask();
        second.IsCompleted.Should().BeFalse();

        queue.Done(key!);
        (await second.WaitAsync(HangGuard)).Should().Be("ns/a");
        queue.Done("ns/a");
        queue.Depth.Should().Be(0);
    }

    [Fact]
    public async Task Concurrent_workers_never_hold_the_same_key_at_once()
    {
        using var queue = new WorkQueue();
        var holders = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var violations = 0;
        var processed = 0;
        using var cts = new CancellationTokenSource(HangGuard);
        var keys = Enumerable.Range(0, 5).Select(i => $"ns/k{i}").ToArray();

        var workers = QueueWorkers.RunWorkersAsync(queue, 8, async (key, ct) =>
        {
            if (holders.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref violations);
            }

            await Task.Yield();
            Interlocked.Increment(ref processed);
            holders.AddOrUpdate(key, 0, (_, n) => n - 1);
        }, NullLogger.Instance, cts.Token);

        var adders = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                queue.Add(keys[(i + w) % keys.Length]);
            }
        })).ToArray();
        await Task.WhenAll(adders).WaitAsync(HangGuard);
        await queue.ShutDownAsync(cts.Token);
        await workers.WaitAsync(HangGuard);

        violations.Should().Be(0);
        processed.Should().BeGreaterThanOrEqualTo(keys.Length);
    }

    [Fact]
    public async Task AddRateLimited_doubles_the_delay_per_failure_within_the_jitter_and_the_cap_and_Forget_resets_it()
    {
        var clock = new ManualClock();
        var options = new WorkQueueOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(100), JitterFraction = 0.5 };
        using var queue = new WorkQueue(options, clock);

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            queue.AddRateLimited("ns/a");
            var pending = clock.PendingDelays();
            pending.Should().ContainSingle();
            delays.Add(pending[0]);
            queue.Depth.Should().Be(0, "a rate-limited key waits for its delay");
            clock.Advance(pending[0]);
            (await Get(queue)).Should().Be("ns/a");
            queue.Done("ns/a");
        }

        double[] bases = [5, 10, 20, 40, 80, 100, 100];
        for (var i = 0; i < bases.Length; i++)
        {
            delays[i].TotalMilliseconds.Should().BeInRange(bases[i], Math.Min(bases[i] * 1.5, 100), $"failure {i + 1}");
        }

        queue.Failures("ns/a").Should().Be(7);
        queue.Forget("ns/a");
        queue.Failures("ns/a").Should().Be(0);
        queue.AddRateLimited("ns/a");
        clock.PendingDelays()[0].TotalMilliseconds.Should().BeInRange(5, 7.5);
    }

    [Fact]
    public void Backoff_is_per_key()
    {
        var clock = new ManualClock();
        using var queue = new WorkQueue(new WorkQueueOptions { JitterFraction = 0 }, clock);
        queue.AddRateLimited("ns/a");
        queue.AddRateLimited("ns/a");
        queue.AddRateLimited("ns/b");

        clock.PendingDelays().Should().BeEquivalentTo([TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(5)]);
    }

    [Fact]
    public async Task AddAfter_queues_the_key_only_once_the_delay_has_passed()
    {
        var clock = new ManualClock();
        using var queue = new WorkQueue(time: clock);
        queue.AddAfter("ns/a", TimeSpan.FromSeconds(30));
        queue.AddAfter("ns/b", TimeSpan.Zero);

        queue.Depth.Should().Be(1);
        (await Get(queue)).Should().Be("ns/b");
        clock.Advance(TimeSpan.FromSeconds(29));
        queue.Depth.Should().Be(0);
        clock.Advance(TimeSpan.FromSeconds(1));
        queue.Depth.Should().Be(1);
        (await Get(queue)).Should().Be("ns/a");
    }

    [Fact]
    public async Task ShutDownAsync_lets_workers_drain_the_queue_then_rejects_keys_and_returns_null()
    {
        var clock = new ManualClock();
        using var queue = new WorkQueue(time: clock);
        queue.Add("ns/a");
        queue.Add("ns/b");
        queue.AddAfter("ns/later", TimeSpan.FromSeconds(1));
        var first = await Get(queue);

        using var cts = new CancellationTokenSource(HangGuard);
        var shutdown = queue.ShutDownAsync(cts.Token);
        queue.Add("ns/c");
        shutdown.IsCompleted.Should().BeFalse("a key is still being processed");

        (await Get(queue)).Should().Be("ns/b");
        queue.Done(first!);
        shutdown.IsCompleted.Should().BeFalse("ns/b is still being processed");
        queue.Done("ns/b");
        await shutdown.WaitAsync(HangGuard);

        clock.Advance(TimeSpan.FromSeconds(2));
        (await Get(queue)).Should().BeNull();
        queue.Depth.Should().Be(0);
    }

    [Fact]
    public async Task ShutDownAsync_wakes_idle_workers_with_null()
    {
        using var queue = new WorkQueue();
        using var cts = new CancellationTokenSource(HangGuard);
        var waiting = queue.GetAsync(cts.Token).AsTask();
        await queue.ShutDownAsync(cts.Token);
        (await waiting.WaitAsync(HangGuard)).Should().BeNull();
    }

    [Fact]
    public async Task A_cancelled_GetAsync_does_not_swallow_a_later_key()
    {
        using var queue = new WorkQueue();
        using var cancelled = new CancellationTokenSource();
        var waiting = queue.GetAsync(cancelled.Token).AsTask();
        await cancelled.CancelAsync();
        await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<OperationCanceledException>();

        queue.Add("ns/a");
        (await Get(queue)).Should().Be("ns/a");
    }

    [Fact]
    public async Task No_key_is_lost_when_a_GetAsync_is_cancelled_as_the_key_arrives()
    {
        using var queue = new WorkQueue();
        for (var i = 0; i < 300; i++)
        {
            var key = $"ns/k{i}";
            using var cts = new CancellationTokenSource();
            var waiting = queue.GetAsync(cts.Token).AsTask();
            var cancel = Task.Run(cts.Cancel);
            queue.Add(key);
            await cancel;
            string? got;
            try
            {
                got = await waiting.WaitAsync(HangGuard);
            }
            catch (OperationCanceledException)
            {
                got = await Get(queue);
            }

            got.Should().Be(key);
            queue.Done(key);
            queue.Depth.Should().Be(0);
        }
    }
}
