using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace VmAddon.Kube.Caching;

/// <summary>A client-go style informer over KubernetesClient: a list+watch cache with indexes, event handlers and a sync barrier.</summary>
/// <remarks>
/// It lists, then watches from the list's resourceVersion with bookmarks; a watch the server ends cleanly is resumed
/// from the last resourceVersion seen, and an expired one (410 Gone) or a failure leads to a relist that reports what
/// changed in between, deletions included, so handlers never miss one.
/// KubernetesClient quirks handled here: a watch the server ends before any event fails with
/// HttpRequestException(EndOfStreamException), which is a normal end; a 410 in the stream arrives through the onError
/// callback, not as an exception. A host that stops the API server together with its caches should configure
/// its client with <see cref="Clients.WatchFriendlyConfig.CloseCancelledWatchesAtOnce"/>, or each cancelled watch is drained for up to 2 s.
/// </remarks>
public sealed class InformerCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The built-in index of objects by metadata.namespace.</summary>
    public const string NamespaceIndex = "namespace";

    /// <summary>The built-in index of objects by the uid of each owner reference.</summary>
    public const string OwnerIndex = "owner";

    /// <summary>The index <see cref="IndexByNode"/> registers.</summary>
    public const string NodeIndex = "node";

    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indexes = new(StringComparer.Ordinal);
    private readonly List<InformerHandler<T>> _handlers = [];
    // Store reads take _lock only; a change holds _dispatch from store update through its handlers, so a handler added
    // meanwhile sees each change exactly once: in its replay or as an event.
    private readonly Lock _lock = new();
    private readonly Lock _dispatch = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _what;
    private readonly ListFunction<T> _list;
    private readonly WatchFunction<T> _watch;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private int _running;

    /// <summary>Creates a cache; <paramref name="what"/> names it in logs. Nothing happens until <see cref="RunAsync"/>.</summary>
    public InformerCache(string what, ListFunction<T> list, WatchFunction<T> watch, ILogger logger, TimeProvider? time = null)
    {
        _what = what;
        _list = list;
        _watch = watch;
        _log = logger;
        _time = time ?? TimeProvider.System;
        AddIndexer(NamespaceIndex, o => o.Metadata.NamespaceProperty is { Length: > 0 } ns ? [ns] : []);
        AddIndexer(OwnerIndex, o => o.Metadata.OwnerReferences is { } owners ? owners.Select(r => r.Uid).Where(u => !string.IsNullOrEmpty(u)) : []);
    }

    /// <summary>True once the first list has been applied.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>The "namespace/name" key of an object (just "name" when cluster-scoped).</summary>
    public static string KeyOf(T obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata.NamespaceProperty is { Length: > 0 } ns ? $"{ns}/{obj.Metadata.Name}" : obj.Metadata.Name;
    }

    /// <summary>Completes once the first list has been applied; workers wait on it before they start.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Registers an index: a name and a function giving the index values of an object. Existing objects are indexed at once.</summary>
    public void AddIndexer(string name, Func<T, IEnumerable<string>> indexValues)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(indexValues);
        lock (_lock)
        {
            if (!_indexers.TryAdd(name, indexValues))
            {
                throw new InvalidOperationException($"{_what}: an indexer named '{name}' is already registered");
            }

            _indexes[name] = new(StringComparer.Ordinal);
            foreach (var (key, item) in _items)
            {
                Index(name, indexValues, key, item);
            }
        }
    }

    /// <summary>Registers <see cref="NodeIndex"/>: the node an object is on (pod.Spec.NodeName, a label), or null when none.</summary>
    public void IndexByNode(Func<T, string?> nodeOf)
    {
        ArgumentNullException.ThrowIfNull(nodeOf);
        AddIndexer(NodeIndex, o => nodeOf(o) is { Length: > 0 } node ? [node] : []);
    }

    /// <summary>Adds event handlers; every object already cached is replayed to <see cref="InformerHandler{T}.OnAdded"/> first.</summary>
    public void AddHandler(InformerHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_dispatch)
        {
            _handlers.Add(handler);
            if (handler.OnAdded is { } added)
            {
                foreach (var item in List())
                {
                    Invoke(() => added(item));
                }
            }
        }
    }

    /// <summary>The cached object with this key, or null.</summary>
    public T? Get(string key)
    {
        lock (_lock)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    /// <summary>A snapshot of every cached object.</summary>
    public IReadOnlyList<T> List()
    {
        lock (_lock)
        {
            return [.. _items.Values];
        }
    }

    /// <summary>A snapshot of the cached objects whose index <paramref name="indexName"/> has <paramref name="value"/>.</summary>
    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        lock (_lock)
        {
            if (!_indexes.TryGetValue(indexName, out var index))
            {
                throw new ArgumentException($"{_what}: no indexer named '{indexName}'", nameof(indexName));
            }

            return index.TryGetValue(value, out var keys) ? [.. keys.Select(k => _items[k])] : [];
        }
    }

    /// <summary>Keeps the cache in step with the server until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException($"{_what}: the cache is already running");
        }

        var backoff = MinBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var resourceVersion = await RelistAsync(cancellationToken).ConfigureAwait(false);
                backoff = MinBackoff;
                while (await WatchAsync(resourceVersion, cancellationToken).ConfigureAwait(false) is { } next)
                {
                    // A watch the server ends at once (it is shutting down, say) must not turn into a busy loop.
                    if (next == resourceVersion)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
                    }

                    resourceVersion = next;
                }

                InformerLog.Expired(_log, _what);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpOperationException { Response.StatusCode: HttpStatusCode.Gone } || IsGone(e))
            {
                InformerLog.Expired(_log, _what);
            }
            catch (Exception e)
            {
                InformerLog.Failed(_log, _what, backoff, e);
                try
                {
                    await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private static bool IsGone(Exception e) => e is KubernetesException { Status.Code: 410 } || e.InnerException is { } inner && IsGone(inner);

    private async Task<string> RelistAsync(CancellationToken cancellationToken)
    {
        var (items, resourceVersion) = await _list(cancellationToken).ConfigureAwait(false);
        lock (_dispatch)
        {
            var changes = new List<Action>();
            lock (_lock)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in items)
                {
                    var key = KeyOf(item);
                    seen.Add(key);
                    var old = Store(key, item);
                    if (old is null)
                    {
                        changes.Add(() => RaiseAdded(item));
                    }
                    else if (old.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
                    {
                        changes.Add(() => RaiseUpdated(old, item));
                    }
                }

                foreach (var gone in _items.Keys.Where(k => !seen.Contains(k)).ToList())
                {
                    var last = Remove(gone)!;
                    changes.Add(() => RaiseDeleted(last, true));
                }
            }

            InformerLog.Listed(_log, _what, items.Count, resourceVersion);
            foreach (var change in changes)
            {
                change();
            }
        }

        // After the handlers, so that workers started on the barrier find the first keys already queued.
        _synced.TrySetResult();

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
            await foreach (var (type, item) in _watch(resourceVersion, timeoutSeconds, e => failure ??= e, cancellationToken).ConfigureAwait(false))
            {
                if (type is WatchEventType.Error || item?.Metadata is null)
                {
                    continue;
                }

                if (item.Metadata.ResourceVersion is { Length: > 0 } version)
                {
                    resourceVersion = version;
                }

                if (type is not WatchEventType.Bookmark)
                {
                    Apply(type, item);
                }
            }
        }
        catch (HttpRequestException e) when (e.InnerException is EndOfStreamException && !cancellationToken.IsCancellationRequested)
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

            throw new InvalidOperationException($"watching {_what} failed: {failure.Message}", failure);
        }

        return resourceVersion;
    }

    private void Apply(WatchEventType type, T item)
    {
        var key = KeyOf(item);
        lock (_dispatch)
        {
            T? old;
            lock (_lock)
            {
                old = type == WatchEventType.Deleted ? Remove(key) : Store(key, item);
            }

            if (type == WatchEventType.Deleted)
            {
                RaiseDeleted(old ?? item, false);
            }
            else if (old is null)
            {
                RaiseAdded(item);
            }
            else
            {
                RaiseUpdated(old, item);
            }
        }
    }

    // Call with _lock held. Returns the object replaced, if any.
    private T? Store(string key, T item)
    {
        var old = Remove(key);
        _items[key] = item;
        foreach (var (name, indexer) in _indexers)
        {
            Index(name, indexer, key, item);
        }

        return old;
    }

    // Call with _lock held. Returns the object removed, if any.
    private T? Remove(string key)
    {
        if (!_items.Remove(key, out var old))
        {
            return null;
        }

        foreach (var (name, indexer) in _indexers)
        {
            var index = _indexes[name];
            foreach (var value in indexer(old))
            {
                if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    index.Remove(value);
                }
            }
        }

        return old;
    }

    // Call with _lock held.
    private void Index(string name, Func<T, IEnumerable<string>> indexer, string key, T item)
    {
        var index = _indexes[name];
        foreach (var value in indexer(item))
        {
            if (!index.TryGetValue(value, out var keys))
            {
                keys = new(StringComparer.Ordinal);
                index[value] = keys;
            }

            keys.Add(key);
        }
    }

    private void RaiseAdded(T item)
    {
        foreach (var handler in _handlers)
        {
            if (handler.OnAdded is { } added)
            {
                Invoke(() => added(item));
            }
        }
    }

    private void RaiseUpdated(T old, T item)
    {
        foreach (var handler in _handlers)
        {
            if (handler.OnUpdated is { } updated)
            {
                Invoke(() => updated(old, item));
            }
        }
    }

    private void RaiseDeleted(T last, bool inferred)
    {
        foreach (var handler in _handlers)
        {
            if (handler.OnDeleted is { } deleted)
            {
                Invoke(() => deleted(last, inferred));
            }
        }
    }

    // A failing handler must not stop the cache (or the other handlers).
    private void Invoke(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            InformerLog.HandlerFailed(_log, _what, e);
        }
    }
}
