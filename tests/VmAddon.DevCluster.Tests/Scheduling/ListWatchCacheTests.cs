using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using VmAddon.DevCluster.Http;
using VmAddon.DevCluster.Scheduling;

namespace VmAddon.DevCluster.Tests.Scheduling;

/// <summary>The reflector both loops stand on: it resumes ended watches and relists after 410 Gone, reporting what changed in between.</summary>
public sealed class ListWatchCacheTests : IAsyncLifetime
{
    private ApiServer _server = null!;
    private Kubernetes _client = null!;
    private int _watches;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync(new ApiServerOptions { HistoryLimit = 5 });
        _client = new Kubernetes(new KubernetesClientConfiguration
        {
            Host = _server.BaseAddress.ToString(),
            AccessToken = "x",
            FirstMessageHandlerSetup = h =>
            {
                if (h is SocketsHttpHandler sockets)
                {
                    sockets.MaxResponseDrainSize = 0;
                }
            },
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_watch_the_server_ends_is_resumed_without_relisting()
    {
        var lists = 0;
        var cache = Cache(() => lists++, timeoutSeconds: 1, beforeFirstWatch: null);
        using var stop = new CancellationTokenSource();
        var running = cache.RunAsync(stop.Token);
        await cache.Synced;

        await LoopCluster.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref _watches) >= 2), "the first watch to end and a second to start");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "late" } }, "default");

        await LoopCluster.WaitUntilAsync(() => Task.FromResult(cache.Get("default/late") is not null), "the object created after the first watch ended");
        lists.Should().Be(1);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task An_expired_resource_version_relists_and_reports_deletions_missed_meanwhile()
    {
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "doomed" } }, "default");
        var lists = 0;
        var changes = new List<CacheChange<V1ConfigMap>>();
        var cache = Cache(() => lists++, timeoutSeconds: 300, beforeFirstWatch: async () =>
        {
            // While the cache is between its list and its watch: the listed object goes, and enough writes follow to compact the history.
            await _client.CoreV1.DeleteNamespacedConfigMapAsync("doomed", "default");
            for (var i = 0; i < 10; i++)
            {
                await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"filler-{i}" } }, "default");
            }
        });
        cache.Changed += change =>
        {
            lock (changes)
            {
                changes.Add(change);
            }
        };
        using var stop = new CancellationTokenSource();
        var running = cache.RunAsync(stop.Token);

        await LoopCluster.WaitUntilAsync(() => Task.FromResult(cache.Get("default/filler-9") is not null), "the relisted objects");
        cache.Get("default/doomed").Should().BeNull();
        lists.Should().Be(2);
        lock (changes)
        {
            changes.Should().ContainSingle(c => c.Type == WatchEventType.Deleted).Which.Old!.Metadata.Name.Should().Be("doomed");
        }

        await stop.CancelAsync();
        await running;
    }

    private ListWatchCache<V1ConfigMap> Cache(Action listed, int timeoutSeconds, Func<Task>? beforeFirstWatch)
    {
        return new ListWatchCache<V1ConfigMap>(
            "configmaps",
            async ct =>
            {
                listed();
                var list = await _client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: ct);
                return (list.Items, list.Metadata.ResourceVersion);
            },
            (resourceVersion, _, onError, ct) => Watch(resourceVersion, onError, ct),
            NullLogger.Instance,
            TimeProvider.System);

        async IAsyncEnumerable<(WatchEventType, V1ConfigMap)> Watch(string resourceVersion, Action<Exception> onError, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            if (Interlocked.Increment(ref _watches) == 1 && beforeFirstWatch is not null)
            {
                await beforeFirstWatch();
            }

            await foreach (var item in _client.CoreV1.WatchListNamespacedConfigMapAsync(
                "default", allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, onError: onError, cancellationToken: ct))
            {
                yield return item;
            }
        }
    }
}
