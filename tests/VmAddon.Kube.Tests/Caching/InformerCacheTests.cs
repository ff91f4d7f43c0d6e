using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using VmAddon.DevCluster.Http;
using VmAddon.Kube.Caching;
using VmAddon.Kube.Queue;

namespace VmAddon.Kube.Tests.Caching;

public sealed class InformerCacheTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_cache_syncs_then_follows_adds_updates_and_deletes_with_its_indexes_and_handlers()
    {
        await using var dev = await DevApiServer.StartAsync();
        var client = dev.Client;
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "other" } });
        // Owners must exist, or the dev server's garbage collector deletes the dependents.
        var owner = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("owner", "none", null), "default");
        var otherOwner = await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("owner", "none", null), "other");
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a", "n1", owner.Metadata.Uid), "default");
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("b", "n2", otherOwner.Metadata.Uid), "other");

        var cache = AllConfigMaps(client, w => w);
        cache.IndexByNode(c => c.Metadata.Labels is { } labels && labels.TryGetValue("node", out var node) ? node : null);
        var events = new ConcurrentQueue<string>();
        using var queue = new WorkQueue();
        cache.AddHandler(new InformerHandler<V1ConfigMap>
        {
            OnAdded = c =>
            {
                if (c.Metadata.Name != "owner")
                {
                    events.Enqueue($"added {Key(c)}");
                    queue.Add(Key(c));
                }
            },
            OnUpdated = (_, c) => events.Enqueue($"updated {Key(c)}"),
            OnDeleted = (c, inferred) => events.Enqueue($"deleted {Key(c)} {inferred}"),
        });
        cache.HasSynced.Should().BeFalse();

        using var stop = new CancellationTokenSource();
        var running = cache.RunAsync(stop.Token);
        await cache.WaitForSyncAsync(CancellationToken.None).WaitAsync(HangGuard);

        cache.HasSynced.Should().BeTrue();
        cache.List().Select(Key).Should().BeEquivalentTo(["default/owner", "other/owner", "default/a", "other/b"]);
        cache.Get("other/b")!.Metadata.Name.Should().Be("b");
        cache.ByIndex(InformerCache<V1ConfigMap>.NamespaceIndex, "other").Select(Key).Should().BeEquivalentTo(["other/owner", "other/b"]);
        cache.ByIndex(InformerCache<V1ConfigMap>.OwnerIndex, owner.Metadata.Uid).Select(Key).Should().Equal("default/a");
        cache.ByIndex(InformerCache<V1ConfigMap>.OwnerIndex, otherOwner.Metadata.Uid).Select(Key).Should().Equal("other/b");
        cache.ByIndex(InformerCache<V1ConfigMap>.NodeIndex, "n1").Select(Key).Should().Equal("default/a");
        queue.Depth.Should().Be(2, "the add handler queued both keys");

        var a = await client.CoreV1.ReadNamespacedConfigMapAsync("a", "default");
        a.Metadata.Labels["node"] = "n2";
        await client.CoreV1.ReplaceNamespacedConfigMapAsync(a, "a", "default");
        await Eventually.UntilAsync(() => cache.ByIndex(InformerCache<V1ConfigMap>.NodeIndex, "n2").Count == 2, "a to move to n2");
        cache.ByIndex(InformerCache<V1ConfigMap>.NodeIndex, "n1").Should().BeEmpty();

        await client.CoreV1.DeleteNamespacedConfigMapAsync("b", "other");
        // The store changes first and the handlers run after it, as with client-go's informers: wait for both.
        await Eventually.UntilAsync(() => cache.Get("other/b") is null && events.Contains("deleted other/b False"), "b to be deleted");
        cache.ByIndex(InformerCache<V1ConfigMap>.NamespaceIndex, "other").Select(Key).Should().Equal("other/owner");
        cache.ByIndex(InformerCache<V1ConfigMap>.OwnerIndex, otherOwner.Metadata.Uid).Should().BeEmpty();

        events.Should().Equal("added default/a", "added other/b", "updated default/a", "deleted other/b False");

        var replayed = new ConcurrentQueue<string>();
        cache.AddHandler(new InformerHandler<V1ConfigMap> { OnAdded = c => replayed.Enqueue(Key(c)) });
        replayed.Should().BeEquivalentTo(["default/owner", "other/owner", "default/a"]);

        await stop.CancelAsync();
        await running.WaitAsync(HangGuard);
    }

    [Fact]
    public async Task A_watch_the_server_ends_is_resumed_without_relisting()
    {
        await using var dev = await DevApiServer.StartAsync();
        var lists = 0;
        var watches = 0;
        var cache = ConfigMaps(dev.Client, () => lists++, async (resourceVersion, onError, ct) =>
        {
            Interlocked.Increment(ref watches);
            await Task.CompletedTask;
            // A one-second timeout makes the server end the watch, as kube-apiserver does after timeoutSeconds.
            return dev.Client.CoreV1.WatchListNamespacedConfigMapAsync(
                "default", allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: 1, onError: onError, cancellationToken: ct);
        });
        using var stop = new CancellationTokenSource();
        var running = cache.RunAsync(stop.Token);
        await cache.WaitForSyncAsync(CancellationToken.None).WaitAsync(HangGuard);

        await Eventually.UntilAsync(() => Volatile.Read(ref watches) >= 2, "the first watch to end and a second to start");
        await dev.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("late", "n1", null), "default");
        await Eventually.UntilAsync(() => cache.Get("default/late") is not null, "the object created after the first watch ended");

        lists.Should().Be(1);
        await stop.CancelAsync();
        await running.WaitAsync(HangGuard);
    }

    [Fact]
    public async Task An_expired_resource_version_relists_and_reports_the_deletions_missed_meanwhile()
    {
        await using var dev = await DevApiServer.StartAsync(new ApiServerOptions { HistoryLimit = 5 });
        var client = dev.Client;
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("doomed", "n1", null), "default");
        await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("kept", "n1", null), "default");
        var lists = 0;
        var watches = 0;
        var cache = ConfigMaps(client, () => Interlocked.Increment(ref lists), async (resourceVersion, onError, ct) =>
        {
            if (Interlocked.Increment(ref watches) == 1)
            {
                // Between the list and its watch: a listed object goes, and enough writes follow to compact the history.
                await client.CoreV1.DeleteNamespacedConfigMapAsync("doomed", "default", cancellationToken: ct);
                for (var i = 0; i < 10; i++)
                {
                    await client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap($"filler-{i}", "n2", null), "default", cancellationToken: ct);
                }
            }

            return client.CoreV1.WatchListNamespacedConfigMapAsync(
                "default", allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: 300, onError: onError, cancellationToken: ct);
        });
        var deleted = new ConcurrentQueue<(string Key, bool Inferred)>();
        var added = new ConcurrentQueue<string>();
        cache.AddHandler(new InformerHandler<V1ConfigMap>
        {
            OnAdded = c => added.Enqueue(Key(c)),
            OnDeleted = (c, inferred) => deleted.Enqueue((Key(c), inferred)),
        });
        using var stop = new CancellationTokenSource();
        var running = cache.RunAsync(stop.Token);

        await Eventually.UntilAsync(() => cache.Get("default/filler-9") is not null, "the relisted objects");
        cache.Get("default/doomed").Should().BeNull();
        cache.Get("default/kept").Should().NotBeNull();
        cache.ByIndex(InformerCache<V1ConfigMap>.NamespaceIndex, "default").Should().HaveCount(11);
        Volatile.Read(ref lists).Should().Be(2);
        deleted.Should().Equal(("default/doomed", true));
        added.Should().OnlyHaveUniqueItems().And.HaveCount(12);

        await stop.CancelAsync();
        await running.WaitAsync(HangGuard);
    }

    [Fact]
    public async Task A_failed_watch_is_retried_with_a_relist()
    {
        await using var dev = await DevApiServer.StartAsync();
        var lists = 0;
        var watches = 0;
        var cache = ConfigMaps(dev.Client, () => Interlocked.Increment(ref lists), async (resourceVersion, onError, ct) =>
        {
            if (Interlocked.Increment(ref watches) == 1)
            {
                await dev.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("during-outage", "n1", null), "default", cancellationToken: ct);
                throw new HttpRequestException("connection refused");
            }

            return dev.Client.CoreV1.WatchListNamespacedConfigMapAsync(
                "default", allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: 300, onError: onError, cancellationToken: ct);
        });
        using var stop = new CancellationTokenSource();
        var running = cache.RunAsync(stop.Token);

        await Eventually.UntilAsync(() => cache.Get("default/during-outage") is not null, "the object created while the watch was down");
        Volatile.Read(ref lists).Should().Be(2);

        await stop.CancelAsync();
        await running.WaitAsync(HangGuard);
    }

    [Fact]
    public async Task WaitForSyncAsync_is_cancellable_before_the_cache_runs()
    {
        var cache = new InformerCache<V1ConfigMap>("configmaps", _ => throw new NotSupportedException(), (_, _, _, _) => throw new NotSupportedException(), NullLogger.Instance);
        using var cts = new CancellationTokenSource();
        var waiting = cache.WaitForSyncAsync(cts.Token);
        waiting.IsCompleted.Should().BeFalse();
        await cts.CancelAsync();
        await FluentActions.Awaiting(() => waiting.WaitAsync(HangGuard)).Should().ThrowAsync<OperationCanceledException>();
        cache.HasSynced.Should().BeFalse();
    }

    [Fact]
    public async Task Bookmarks_raise_no_events()
    {
        await using var dev = await DevApiServer.StartAsync(new ApiServerOptions { BookmarkInterval = TimeSpan.FromMilliseconds(100) });
        await dev.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a", "n1", null), "default");
        var bookmarks = 0;
        var cache = ConfigMaps(dev.Client, () => { }, async (resourceVersion, onError, ct) =>
        {
            await Task.CompletedTask;
            return Counted(dev.Client.CoreV1.WatchListNamespacedConfigMapAsync(
                "default", allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: 300, onError: onError, cancellationToken: ct));
        });
        var events = new ConcurrentQueue<string>();
        cache.AddHandler(new InformerHandler<V1ConfigMap>
        {
            OnAdded = c => events.Enqueue($"added {Key(c)}"),
            OnUpdated = (_, c) => events.Enqueue($"updated {Key(c)}"),
            OnDeleted = (c, _) => events.Enqueue($"deleted {Key(c)}"),
        });
        using var stop = new CancellationTokenSource();
        var running = cache.RunAsync(stop.Token);

        await Eventually.UntilAsync(() => Volatile.Read(ref bookmarks) >= 2, "two bookmarks");
        events.Should().Equal("added default/a");
        cache.List().Select(Key).Should().Equal("default/a");

        await stop.CancelAsync();
        await running.WaitAsync(HangGuard);

        async IAsyncEnumerable<(k8s.WatchEventType, V1ConfigMap)> Counted(IAsyncEnumerable<(k8s.WatchEventType, V1ConfigMap)> inner)
        {
            await foreach (var item in inner)
            {
                if (item.Item1 == k8s.WatchEventType.Bookmark)
                {
                    Interlocked.Increment(ref bookmarks);
                }

                yield return item;
            }
        }
    }

    [Fact]
    public async Task The_pod_cache_indexes_pods_by_node()
    {
        await using var dev = await DevApiServer.StartAsync();
        await dev.Client.CoreV1.CreateNamespacedPodAsync(
            new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = "launcher" },
                Spec = new V1PodSpec { NodeName = "node-1", Containers = [new V1Container { Name = "c", Image = "busybox" }] },
            },
            "default");
        var cache = InformerCaches.Pods(dev.Client, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = cache.RunAsync(stop.Token);
        await cache.WaitForSyncAsync(CancellationToken.None).WaitAsync(HangGuard);

        cache.ByIndex(InformerCache<V1Pod>.NodeIndex, "node-1").Select(p => p.Metadata.Name).Should().Equal("launcher");
        cache.ByIndex(InformerCache<V1Pod>.NodeIndex, "node-2").Should().BeEmpty();

        await stop.CancelAsync();
        await running.WaitAsync(HangGuard);
    }

    [Fact]
    public async Task A_failing_handler_does_not_stop_the_cache_or_the_other_handlers()
    {
        await using var dev = await DevApiServer.StartAsync();
        var cache = AllConfigMaps(dev.Client, t => t);
        var seen = new ConcurrentQueue<string>();
        cache.AddHandler(new InformerHandler<V1ConfigMap> { OnAdded = _ => throw new InvalidOperationException("bad handler") });
        cache.AddHandler(new InformerHandler<V1ConfigMap> { OnAdded = c => seen.Enqueue(Key(c)) });
        using var stop = new CancellationTokenSource();
        var running = cache.RunAsync(stop.Token);
        await cache.WaitForSyncAsync(CancellationToken.None).WaitAsync(HangGuard);
        await FluentActions.Awaiting(() => cache.RunAsync(stop.Token)).Should().ThrowAsync<InvalidOperationException>();

        await dev.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("first", "n1", null), "default");
        await dev.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("second", "n1", null), "default");
        await Eventually.UntilAsync(() => seen.Count == 2, "both objects to reach the good handler");
        seen.Should().Equal("default/first", "default/second");

        await stop.CancelAsync();
        await running.WaitAsync(HangGuard);
    }

    [Fact]
    public void Registering_an_index_twice_or_reading_an_unknown_one_fails()
    {
        var cache = new InformerCache<V1ConfigMap>("configmaps", _ => throw new NotSupportedException(), (_, _, _, _) => throw new NotSupportedException(), NullLogger.Instance);
        FluentActions.Invoking(() => cache.AddIndexer(InformerCache<V1ConfigMap>.NamespaceIndex, _ => [])).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => cache.ByIndex("nope", "x")).Should().Throw<ArgumentException>();
    }

    private static string Key(V1ConfigMap c) => InformerCache<V1ConfigMap>.KeyOf(c);

    private static V1ConfigMap ConfigMap(string name, string node, string? ownerUid) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Labels = new Dictionary<string, string> { ["node"] = node },
            OwnerReferences = ownerUid is null ? null : [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = ownerUid }],
        },
    };

    private static InformerCache<V1ConfigMap> AllConfigMaps(Kubernetes client, Func<int, int> timeout) => new(
        "configmaps",
        async ct =>
        {
            var list = await client.CoreV1.ListConfigMapForAllNamespacesAsync(cancellationToken: ct);
            return (list.Items, list.Metadata.ResourceVersion);
        },
        (resourceVersion, timeoutSeconds, onError, ct) => client.CoreV1.WatchListConfigMapForAllNamespacesAsync(
            allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeout(timeoutSeconds), onError: onError, cancellationToken: ct),
        NullLogger.Instance);

    private static InformerCache<V1ConfigMap> ConfigMaps(
        Kubernetes client,
        Action listed,
        Func<string, Action<Exception>, CancellationToken, Task<IAsyncEnumerable<(WatchEventType, V1ConfigMap)>>> watch)
    {
        return new InformerCache<V1ConfigMap>(
            "configmaps",
            async ct =>
            {
                listed();
                var list = await client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: ct);
                return (list.Items, list.Metadata.ResourceVersion);
            },
            (resourceVersion, _, onError, ct) => Watch(resourceVersion, onError, ct),
            NullLogger.Instance);

        async IAsyncEnumerable<(WatchEventType, V1ConfigMap)> Watch(string resourceVersion, Action<Exception> onError, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var item in (await watch(resourceVersion, onError, ct)).WithCancellation(ct))
            {
                yield return item;
            }
        }
    }
}
