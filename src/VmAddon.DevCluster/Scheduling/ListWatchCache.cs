using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>
/// A client-go style reflector over KubernetesClient: lists, then watches from the list's resourceVersion (with bookmarks),
/// re-watches when the server ends a watch, and relists when the resourceVersion has expired (410) or the watch fails.
/// A relist reports what changed in between, so consumers never miss a deletion. Shared by the scheduler and the node
/// lifecycle controller; it belongs in a controller-runtime library once one exists.
/// </summary>
/// <remarks>
/// KubernetesClient 21 disposes a cancelled watch's response unread, and SocketsHttpHandler then drains it for up to
/// 2 s (ResponseDrainTimeout) before closing the connection, so an API server stopped right after its loops waits that
/// long for the watch. A host that stops both together sets <c>MaxResponseDrainSize = 0</c> on the client's handler
/// (<c>KubernetesClientConfiguration.FirstMessageHandlerSetup</c>).
/// </remarks>
internal sealed class ListWatchCache<T>(string what, ListWatchCache<T>.ListFunc list, ListWatchCache<T>.WatchFunc watch, ILogger log, TimeProvider time)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public delegate Task<(IList<T> Items, string ResourceVersion)> ListFunc(CancellationToken cancellationToken);

    public delegate IAsyncEnumerable<(WatchEventType Type, T Object)> WatchFunc(string resourceVersion, int timeoutSeconds, Action<Exception> onError, CancellationToken cancellationToken);

    /// <summary>Raised on the watch task after each change is applied; handlers must be quick and must not block.</summary>
    public event Action<CacheChange<T>>? Changed;

    /// <summary>Completes after the first successful list.</summary>
    public Task Synced => _synced.Task;

    public static string KeyOf(T obj) => obj.Metadata.NamespaceProperty is { Length: > 0 } ns ? $"{ns}/{obj.Metadata.Name}" : obj.Metadata.Name;

    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. _items.Values];
        }
    }

    public T? Get(string key)
    {
        lock (_lock)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    /// <summary>Keeps the cache in step with the server until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var resourceVersion = await RelistAsync(cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromMilliseconds(200);
                while (await WatchAsync(resourceVersion, cancellationToken).ConfigureAwait(false) is { } next)
                {
                    // A watch the server ends at once (it is shutting down, say) must not turn into a busy loop.
                    if (next == resourceVersion)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
                    }

                    resourceVersion = next;
                }

                ListWatchLog.Expired(log, what);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpOperationException { Response.StatusCode: HttpStatusCode.Gone } || IsGone(e))
            {
                ListWatchLog.Expired(log, what);
            }
            catch (Exception e)
            {
                ListWatchLog.Failed(log, what, backoff, e);
                try
                {
                    await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private static bool IsGone(Exception e) => e is KubernetesException { Status.Code: 410 };

    private async Task<string> RelistAsync(CancellationToken cancellationToken)
    {
        var (items, resourceVersion) = await list(cancellationToken).ConfigureAwait(false);
        var changes = new List<CacheChange<T>>();
        lock (_lock)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                var key = KeyOf(item);
                seen.Add(key);
                var old = _items.GetValueOrDefault(key);
                _items[key] = item;
                if (old is null)
                {
                    changes.Add(new(WatchEventType.Added, null, item));
                }
                else if (old.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
                {
                    changes.Add(new(WatchEventType.Modified, old, item));
                }
            }

            foreach (var gone in _items.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                changes.Add(new(WatchEventType.Deleted, _items[gone], null));
                _items.Remove(gone);
            }
        }

        _synced.TrySetResult();
        foreach (var change in changes)
        {
            Changed?.Invoke(change);
        }

        return resourceVersion;
    }

    // Returns the resourceVersion to watch from next, or null when the cache must relist.
    private async Task<string?> WatchAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        // client-go's reflector: a random timeout between 5 and 10 minutes, so that watches are renewed without all ending together.
        var timeoutSeconds = 300 + Random.Shared.Next(300);
        try
        {
            await foreach (var (type, item) in watch(resourceVersion, timeoutSeconds, e => failure ??= e, cancellationToken).ConfigureAwait(false))
            {
                if (item?.Metadata?.ResourceVersion is { Length: > 0 } version)
                {
                    resourceVersion = version;
                }

                if (type is WatchEventType.Bookmark or WatchEventType.Error || item is null)
                {
                    continue;
                }

                Apply(type, item);
            }
        }
        catch (HttpRequestException e) when (e.InnerException is EndOfStreamException)
        {
            // KubernetesClient peeks at the first line of a watch and fails when the server ends it before any event
            // (timeoutSeconds passed on a quiet resource): that is a normal end.
        }

        if (failure is not null)
        {
            if (IsGone(failure))
            {
                return null;
            }

            throw new InvalidOperationException($"watching {what} failed: {failure.Message}", failure);
        }

        return resourceVersion;
    }

    private void Apply(WatchEventType type, T item)
    {
        var key = KeyOf(item);
        T? old;
        lock (_lock)
        {
            old = _items.GetValueOrDefault(key);
            if (type == WatchEventType.Deleted)
            {
                _items.Remove(key);
            }
            else
            {
                _items[key] = item;
            }
        }

        Changed?.Invoke(type == WatchEventType.Deleted ? new(type, old ?? item, null) : new(old is null ? WatchEventType.Added : WatchEventType.Modified, old, item));
    }
}
