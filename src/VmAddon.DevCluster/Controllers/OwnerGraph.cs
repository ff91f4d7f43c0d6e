using System.Text.Json.Nodes;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Controllers;

/// <summary>The garbage collector's view of ownership: every object by uid, and every owner's dependents. Thread-safe.</summary>
internal sealed class OwnerGraph
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ObjectKey> _byUid = [];
    private readonly Dictionary<string, HashSet<ObjectKey>> _dependents = [];
    private readonly Dictionary<ObjectKey, IReadOnlyList<string>> _owners = [];

    public static IReadOnlyList<string> OwnerUids(JsonObject obj) =>
        obj["metadata"]?["ownerReferences"] is JsonArray refs ? [.. refs.Select(r => r?["uid"]?.GetValue<string>() ?? "").Where(u => u.Length > 0)] : [];

    public void Observe(ObjectKey key, JsonObject obj)
    {
        lock (_lock)
        {
            if (obj["metadata"]?["uid"]?.GetValue<string>() is { Length: > 0 } uid)
            {
                _byUid[uid] = key;
            }

            Unlink(key);
            var owners = OwnerUids(obj);
            _owners[key] = owners;
            foreach (var owner in owners)
            {
                if (!_dependents.TryGetValue(owner, out var set))
                {
                    set = [];
                    _dependents[owner] = set;
                }

                set.Add(key);
            }
        }
    }

    public void Forget(ObjectKey key, JsonObject obj)
    {
        lock (_lock)
        {
            if (obj["metadata"]?["uid"]?.GetValue<string>() is { Length: > 0 } uid && _byUid.TryGetValue(uid, out var known) && known == key)
            {
                _byUid.Remove(uid);
            }

            Unlink(key);
            _owners.Remove(key);
        }
    }

    public ObjectKey? KeyOf(string uid)
    {
        lock (_lock)
        {
            return _byUid.TryGetValue(uid, out var key) ? key : null;
        }
    }

    public IReadOnlyList<ObjectKey> DependentsOf(string uid)
    {
        lock (_lock)
        {
            return _dependents.TryGetValue(uid, out var set) ? [.. set] : [];
        }
    }

    public IReadOnlyList<ObjectKey> OwnersWithDependents()
    {
        lock (_lock)
        {
            return [.. _dependents.Keys.Select(u => _byUid.TryGetValue(u, out var key) ? key : (ObjectKey?)null).OfType<ObjectKey>()];
        }
    }

    private void Unlink(ObjectKey key)
    {
        if (_owners.TryGetValue(key, out var previous))
        {
            foreach (var owner in previous)
            {
                if (_dependents.TryGetValue(owner, out var set) && set.Remove(key) && set.Count == 0)
                {
                    _dependents.Remove(owner);
                }
            }
        }
    }
}
