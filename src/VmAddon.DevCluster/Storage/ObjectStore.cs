using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using VmAddon.DevCluster.Persistence;
using VmAddon.DevCluster.Watch;

namespace VmAddon.DevCluster.Storage;

/// <summary>The dev API server's storage: JSON objects with kube-apiserver's resourceVersion, generation, finalizer, list and watch semantics.</summary>
/// <remarks>One lock serialises every operation, so the global resourceVersion order is also the order every watcher sees.
/// Stored JsonObjects are never mutated after they are stored; callers always get copies.</remarks>
public sealed class ObjectStore : IDisposable
{
    private const int GenerateNameAttempts = 8;
    private const string ModifiedMessage = "the object has been modified; please apply your changes to the latest version and try again";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<(string Group, string Resource), SortedDictionary<string, (ObjectKey Key, JsonObject Object)>> _objects = [];
    private readonly ConcurrentDictionary<Watcher, byte> _watchers = new();
    private readonly ObjectStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<string, CancellationToken, ValueTask<bool>> _namespaceExists;
    private readonly DurableLog? _log;
    private readonly ChangeHistory _history;
    private long _resourceVersion;
    private int _writesSinceSnapshot;

    /// <param name="options">Validated here.</param>
    /// <param name="time">The clock for creationTimestamp and deletionTimestamp.</param>
    /// <param name="namespaceExists">Asked, outside the store's lock, whether a namespaced object's namespace exists; it may read this store.</param>
    public ObjectStore(ObjectStoreOptions options, TimeProvider time, Func<string, CancellationToken, ValueTask<bool>> namespaceExists)
    {
        options.Validate();
        _options = options;
        _time = time;
        _namespaceExists = namespaceExists;
        if (options.DataDirectory is { } directory)
        {
            (_log, var state) = DurableLog.Open(directory);
            foreach (var (key, obj) in state.Objects)
            {
                Bucket(key)[key.SortKey] = (key, obj);
            }

            _resourceVersion = state.ResourceVersion;
        }

        _history = new ChangeHistory(options.HistoryLimit, _resourceVersion);
    }

    /// <summary>The resourceVersion of the latest write.</summary>
    public string ResourceVersion => Format(Interlocked.Read(ref _resourceVersion));

    public async Task<JsonObject> CreateAsync(ResourceType type, JsonObject obj, CancellationToken cancellationToken)
    {
        var created = obj.DeepClone().AsObject();
        var metadata = ObjectMetadata.Of(created);
        var ns = NamespaceFor(type, created);
        var name = ObjectMetadata.String(created, "name");
        var generateName = ObjectMetadata.String(created, "generateName");
        if (name.Length == 0 && generateName.Length == 0)
        {
            throw StoreException.Invalid(type.QualifiedName, "", "metadata.name: Required value: name or generateName is required");
        }

        await EnsureNamespaceAsync(type, ns, cancellationToken).ConfigureAwait(false);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var bucket = Bucket(new ObjectKey(type.Group, type.Resource, ns, ""));
            if (name.Length == 0)
            {
                // Kubernetes retries a generated name that collides before it gives up with AlreadyExists.
                for (var attempt = 0; attempt < GenerateNameAttempts && (name.Length == 0 || bucket.ContainsKey($"{ns}/{name}")); attempt++)
                {
                    name = GeneratedName.From(generateName);
                }

                metadata["name"] = name;
            }

            var key = new ObjectKey(type.Group, type.Resource, ns, name);
            if (bucket.ContainsKey(key.SortKey))
            {
                throw StoreException.AlreadyExists(type.QualifiedName, name);
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = ObjectMetadata.Timestamp(_time.GetUtcNow());
            metadata["generation"] = 1L;
            metadata.Remove("deletionTimestamp");
            metadata.Remove("deletionGracePeriodSeconds");
            Commit(new StoreChange(WatchEventType.Added, key, created, null, 0));
            return created.DeepClone().AsObject();
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<JsonObject> GetAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken)
    {
        var key = new ObjectKey(type.Group, type.Resource, type.Namespaced ? ns ?? "" : "", name);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Find(type, key).DeepClone().AsObject();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Replaces an object. A non-empty metadata.resourceVersion must match the stored one; an update that removes the last finalizer of a deleting object removes it.</summary>
    public async Task<JsonObject> UpdateAsync(ResourceType type, JsonObject obj, CancellationToken cancellationToken)
    {
        var updated = obj.DeepClone().AsObject();
        var metadata = ObjectMetadata.Of(updated);
        var key = new ObjectKey(type.Group, type.Resource, NamespaceFor(type, updated), ObjectMetadata.String(updated, "name"));
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = Find(type, key);
            var expected = ObjectMetadata.String(updated, "resourceVersion");
            if (expected.Length > 0 && expected != ObjectMetadata.String(stored, "resourceVersion"))
            {
                throw StoreException.Conflict(type.QualifiedName, key.Name, ModifiedMessage);
            }

            var uid = ObjectMetadata.String(updated, "uid");
            var storedUid = ObjectMetadata.String(stored, "uid");
            if (uid.Length > 0 && uid != storedUid)
            {
                throw StoreException.Invalid(type.QualifiedName, key.Name, $"metadata.uid: Invalid value: \"{uid}\": field is immutable");
            }

            // Like kube-apiserver, the server owns these fields: a client cannot change them by an update.
            var storedMetadata = ObjectMetadata.Of(stored);
            foreach (var field in (string[])["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "resourceVersion"])
            {
                metadata[field] = storedMetadata[field]?.DeepClone();
                if (metadata[field] is null)
                {
                    metadata.Remove(field);
                }
            }

            var generation = ObjectMetadata.Generation(stored);
            metadata["generation"] = GenerationRule.DesiredStateChanged(stored, updated) ? generation + 1 : generation;

            if (ObjectMetadata.IsDeleting(stored))
            {
                var added = FinalizersOf(updated).Except(FinalizersOf(stored)).ToList();
                if (added.Count > 0)
                {
                    throw StoreException.Invalid(type.QualifiedName, key.Name,
                        $"metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(f => $"\"{f}\""))}}}");
                }
            }

            if (ObjectMetadata.IsDeleting(stored) && !ObjectMetadata.HasFinalizers(updated) && !HasSpecFinalizers(key, updated) && ObjectMetadata.Of(stored)["deletionGracePeriodSeconds"]?.GetValue<long>() is null or 0)
            {
                Commit(new StoreChange(WatchEventType.Deleted, key, updated, stored, 0));
                return updated.DeepClone().AsObject();
            }

            // An update that changes nothing is not a write, as in etcd3's GuaranteedUpdate.
            if (JsonNode.DeepEquals(stored, updated))
            {
                return stored.DeepClone().AsObject();
            }

            Commit(new StoreChange(WatchEventType.Modified, key, updated, stored, 0));
            return updated.DeepClone().AsObject();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Deletes an object, or only marks it with deletionTimestamp while finalizers remain or a grace period runs.</summary>
    /// <remarks>The request carries preconditions, the grace period (above 0 only marks the object), and a finalizer the deletion adds (orphan, foregroundDeletion).</remarks>
    public async Task<DeleteResult> DeleteAsync(ResourceType type, string? ns, string name, DeleteRequest? request, CancellationToken cancellationToken)
    {
        request ??= DeleteRequest.Immediate;
        var key = new ObjectKey(type.Group, type.Resource, type.Namespaced ? ns ?? "" : "", name);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = Find(type, key);
            CheckPreconditions(type, stored, request.Preconditions);
            var grace = Math.Max(0, request.GracePeriodSeconds ?? 0);
            var finalizers = FinalizersOf(stored);
            if (request.AddFinalizer is { } added && !finalizers.Contains(added))
            {
                finalizers.Add(added);
            }

            if (finalizers.Count == 0 && grace == 0 && !HasSpecFinalizers(key, stored))
            {
                var removed = stored.DeepClone().AsObject();
                Commit(new StoreChange(WatchEventType.Deleted, key, removed, stored, 0));
                return new DeleteResult(removed.DeepClone().AsObject(), Removed: true);
            }

            var storedGrace = ObjectMetadata.Of(stored)["deletionGracePeriodSeconds"]?.GetValue<long>();
            var sameFinalizers = finalizers.SequenceEqual(FinalizersOf(stored));
            if (ObjectMetadata.IsDeleting(stored) && sameFinalizers && (finalizers.Count > 0 || HasSpecFinalizers(key, stored) || storedGrace <= grace))
            {
                // Deleting again changes nothing, except that a shorter grace period shortens the wait, as in kube-apiserver.
                return new DeleteResult(stored.DeepClone().AsObject(), Removed: false);
            }

            var marked = stored.DeepClone().AsObject();
            var metadata = ObjectMetadata.Of(marked);
            var now = _time.GetUtcNow();
            if (!ObjectMetadata.IsDeleting(stored) || (finalizers.Count == 0 && grace < storedGrace))
            {
                metadata["deletionTimestamp"] = ObjectMetadata.Timestamp(now.AddSeconds(finalizers.Count > 0 && grace == 0 ? 0 : grace));
                metadata["deletionGracePeriodSeconds"] = (long)grace;
            }

            if (finalizers.Count > 0)
            {
                metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode?)JsonValue.Create(f))]);
            }

            Commit(new StoreChange(WatchEventType.Modified, key, marked, stored, 0));
            return new DeleteResult(marked.DeepClone().AsObject(), Removed: false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Lists objects in key order. A continue token returns the next page as it was at the first page's resourceVersion.</summary>
    public async Task<ObjectList> ListAsync(ResourceType type, ListOptions options, CancellationToken cancellationToken)
    {
        var filter = ObjectFilter.Create(type, options.Namespace, options.LabelSelector, options.FieldSelector);
        if (options.Limit is < 0)
        {
            throw StoreException.BadRequest($"limit must be non-negative, not {options.Limit}");
        }

        var token = string.IsNullOrEmpty(options.Continue) ? null : ContinueToken.Decode(options.Continue);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var atVersion = token?.ResourceVersion ?? _resourceVersion;
            if (token is not null && token.ResourceVersion < _history.CompactedThrough)
            {
                throw StoreException.Expired(
                    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, "
                    + "or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an "
                    + "inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");
            }

            var limit = options.Limit is > 0 ? options.Limit.Value : int.MaxValue;
            var items = new List<JsonObject>();
            string? lastKey = null;
            var more = false;
            foreach (var (sortKey, obj) in ObjectsAt(type, atVersion))
            {
                if ((token is not null && string.CompareOrdinal(sortKey, token.LastKey) <= 0) || !filter.Matches(obj))
                {
                    continue;
                }

                if (items.Count == limit)
                {
                    more = true;
                    break;
                }

                items.Add(obj.DeepClone().AsObject());
                lastKey = sortKey;
            }

            var next = more ? new ContinueToken(atVersion, lastKey!).Encode() : null;
            return new ObjectList(items, Format(atVersion), next);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Starts a watch. From a resourceVersion it replays the retained changes after it; otherwise it starts with ADDED events for the current state.</summary>
    public async Task<WatchSubscription> WatchAsync(ResourceType type, WatchOptions options, CancellationToken cancellationToken)
    {
        var filter = ObjectFilter.Create(type, options.Namespace, options.LabelSelector, options.FieldSelector);
        long? from = null;
        if (options.ResourceVersion is { Length: > 0 } text && text != "0")
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                throw StoreException.BadRequest($"resourceVersion: Invalid value: \"{text}\": must be a non-negative integer");
            }

            from = parsed;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var initial = new List<WatchEvent>();
            if (from is null)
            {
                foreach (var (_, obj) in ObjectsAt(type, _resourceVersion))
                {
                    if (filter.Matches(obj))
                    {
                        initial.Add(new WatchEvent(WatchEventType.Added, obj.DeepClone().AsObject()));
                    }
                }
            }
            else if (from < _history.CompactedThrough)
            {
                throw StoreException.Expired($"too old resource version: {from} ({_history.CompactedThrough})");
            }

            // The buffer grows by the initial and replayed events, so replay never counts as falling behind.
            var replay = from is null ? [] : _history.After(from.Value).ToList();
            var watcher = new Watcher(type, filter, options.AllowBookmarks, initial.Count + replay.Count + _options.WatchBufferSize, w => _watchers.TryRemove(w, out _));
            foreach (var change in replay)
            {
                if (watcher.EventFor(change) is { } replayed)
                {
                    initial.Add(replayed);
                }
            }

            foreach (var watchEvent in initial)
            {
                watcher.Send(watchEvent);
            }

            _watchers.TryAdd(watcher, 0);
            return new WatchSubscription(watcher);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Sends a BOOKMARK with the current resourceVersion to every watcher that allowed bookmarks.</summary>
    public async Task EmitBookmarksAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var watcher in _watchers.Keys.Where(w => w.AllowBookmarks))
            {
                watcher.Send(new WatchEvent(WatchEventType.Bookmark, new JsonObject
                {
                    ["kind"] = watcher.Type.Kind,
                    ["apiVersion"] = watcher.Type.ApiVersion,
                    ["metadata"] = new JsonObject { ["resourceVersion"] = Format(_resourceVersion) },
                }));
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Raised under the store's lock after every committed change, in resourceVersion order; handlers must only enqueue.</summary>
    internal event Action<StoreChange>? Committed;

    /// <summary>Every stored object of every resource, at one resourceVersion.</summary>
    internal async Task<(IReadOnlyList<(ObjectKey Key, JsonObject Object)> Objects, long ResourceVersion)> SnapshotAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return ([.. _objects.Values.SelectMany(b => b.Values)], _resourceVersion);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers.Keys)
        {
            watcher.Close();
        }

        _log?.Dispose();
        _lock.Dispose();
    }

    // Must hold the lock. The log comes first: a write that is not on disk is not applied, and so never acknowledged.
    private void Commit(StoreChange pending)
    {
        var resourceVersion = _resourceVersion + 1;
        ObjectMetadata.SetResourceVersion(pending.Object, resourceVersion);
        var change = pending with { ResourceVersion = resourceVersion };
        var removed = change.Type == WatchEventType.Deleted;
        _log?.Append(new LogEntry(change.Key, resourceVersion, removed ? null : change.Object));

        var bucket = Bucket(change.Key);
        if (removed)
        {
            bucket.Remove(change.Key.SortKey);
        }
        else
        {
            bucket[change.Key.SortKey] = (change.Key, change.Object);
        }

        Interlocked.Exchange(ref _resourceVersion, resourceVersion);
        _history.Add(change);
        Committed?.Invoke(change);
        foreach (var watcher in _watchers.Keys)
        {
            if (watcher.EventFor(change) is { } watchEvent)
            {
                watcher.Send(watchEvent);
            }
        }

        if (_log is not null && ++_writesSinceSnapshot >= _options.SnapshotEvery)
        {
            _log.Compact(_objects.Values.SelectMany(b => b.Values), resourceVersion);
            _writesSinceSnapshot = 0;
        }
    }

    // Must hold the lock. Rewinds the retained changes newer than the asked version, so every page of a list is consistent.
    private IEnumerable<(string SortKey, JsonObject Object)> ObjectsAt(ResourceType type, long resourceVersion)
    {
        var bucket = Bucket(new ObjectKey(type.Group, type.Resource, "", ""));
        if (resourceVersion >= _resourceVersion)
        {
            return bucket.Select(p => (p.Key, p.Value.Object));
        }

        var past = new SortedDictionary<string, JsonObject>(bucket.ToDictionary(p => p.Key, p => p.Value.Object), StringComparer.Ordinal);
        foreach (var change in _history.NewestFirstAfter(resourceVersion))
        {
            if (change.Key.Group != type.Group || change.Key.Resource != type.Resource)
            {
                continue;
            }

            if (change.Previous is null)
            {
                past.Remove(change.Key.SortKey);
            }
            else
            {
                past[change.Key.SortKey] = change.Previous;
            }
        }

        return past.Select(p => (p.Key, p.Value));
    }

    private SortedDictionary<string, (ObjectKey Key, JsonObject Object)> Bucket(ObjectKey key)
    {
        if (!_objects.TryGetValue((key.Group, key.Resource), out var bucket))
        {
            bucket = new SortedDictionary<string, (ObjectKey, JsonObject)>(StringComparer.Ordinal);
            _objects[(key.Group, key.Resource)] = bucket;
        }

        return bucket;
    }

    private static void CheckPreconditions(ResourceType type, JsonObject stored, DeletePreconditions? preconditions)
    {
        var name = ObjectMetadata.String(stored, "name");
        var storedUid = ObjectMetadata.String(stored, "uid");
        var storedVersion = ObjectMetadata.String(stored, "resourceVersion");
        if (preconditions?.Uid is { Length: > 0 } uid && uid != storedUid)
        {
            throw StoreException.Conflict(type.QualifiedName, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {storedUid}");
        }

        if (preconditions?.ResourceVersion is { Length: > 0 } version && version != storedVersion)
        {
            throw StoreException.Conflict(type.QualifiedName, name, $"Precondition failed: ResourceVersion in precondition: {version}, ResourceVersion in object meta: {storedVersion}");
        }
    }

    // A namespace also waits for spec.finalizers ("kubernetes"), which the namespace controller removes once the namespace is empty.
    private static bool HasSpecFinalizers(ObjectKey key, JsonObject obj) =>
        key.Group.Length == 0 && key.Resource == "namespaces" && obj["spec"]?["finalizers"] is JsonArray { Count: > 0 };

    private static List<string> FinalizersOf(JsonObject obj) =>
        ObjectMetadata.Of(obj)["finalizers"] is JsonArray list ? [.. list.Select(f => f?.GetValue<string>() ?? "")] : [];

    private JsonObject Find(ResourceType type, ObjectKey key) =>
        Bucket(key).TryGetValue(key.SortKey, out var entry) ? entry.Object : throw StoreException.NotFound(type.QualifiedName, key.Name);

    private static string NamespaceFor(ResourceType type, JsonObject obj)
    {
        if (!type.Namespaced)
        {
            ObjectMetadata.Of(obj).Remove("namespace");
            return "";
        }

        var ns = ObjectMetadata.Namespace(obj);
        return ns.Length > 0
            ? ns
            : throw StoreException.Invalid(type.QualifiedName, ObjectMetadata.String(obj, "name"), "metadata.namespace: Required value");
    }

    private async Task EnsureNamespaceAsync(ResourceType type, string ns, CancellationToken cancellationToken)
    {
        if (type.Namespaced && !await _namespaceExists(ns, cancellationToken).ConfigureAwait(false))
        {
            throw StoreException.NotFound("namespaces", ns);
        }
    }

    private static string Format(long resourceVersion) => resourceVersion.ToString(CultureInfo.InvariantCulture);
}
