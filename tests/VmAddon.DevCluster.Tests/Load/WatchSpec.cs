using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using VmAddon.Api;

namespace VmAddon.DevCluster.Tests.Load;

/// <summary>What one watch observes: a kind, all namespaces or one, and optionally a label selector, with the shards that selector admits.</summary>
internal sealed record WatchSpec(ObjectKind Kind, string? Namespace, string? LabelSelector, IReadOnlySet<string> Shards)
{
    /// <summary>Label selectors of each form kube-apiserver accepts, with the shards each admits (every object carries a shard label).</summary>
    public static readonly IReadOnlyList<(string Selector, string[] Shards)> Selectors =
    [
        ("shard=a", ["a"]),
        ("shard==b", ["b"]),
        ("shard in (b,c)", ["b", "c"]),
        ("shard notin (a,b)", ["c", "d"]),
        ("shard!=c", ["a", "b", "d"]),
        ("shard,shard in (a,d)", ["a", "d"]),
        ("shard=d", ["d"]),
        ("shard in (a,b,c)", ["a", "b", "c"]),
    ];

    public bool Unfiltered => Namespace is null && LabelSelector is null;

    public bool Matches(ObjectRef obj, string shard) =>
        obj.Kind == Kind && (Namespace is null || obj.Namespace == Namespace) && Shards.Contains(shard);

    /// <summary>The events kube-apiserver owes this watch for the journal's writes: entering the selector is ADDED, leaving it DELETED, in resourceVersion order.</summary>
    public List<SeenEvent> Expected(WriteJournal journal, IReadOnlyDictionary<ObjectRef, long> deletions)
    {
        var events = new List<SeenEvent>();
        foreach (var (obj, entries) in journal.Objects)
        {
            var before = false;
            foreach (var entry in entries)
            {
                var deleted = entry.Step == WriteStep.Delete;
                var now = !deleted && Matches(obj, entry.Shard);
                WatchEventType? type = (before, now) switch
                {
                    (false, true) => WatchEventType.Added,
                    (true, true) => WatchEventType.Modified,
                    (true, false) => WatchEventType.Deleted,
                    _ => null,
                };
                if (type is { } t)
                {
                    events.Add(new SeenEvent(t, obj.Namespace, obj.Name, deleted ? deletions.GetValueOrDefault(obj) : entry.ResourceVersion));
                }

                before = now;
            }
        }

        return [.. events.OrderBy(e => e.ResourceVersion)];
    }

    /// <summary>Opens this watch over HTTP with KubernetesClient, from a resourceVersion, and reads its events as they come.</summary>
    public async IAsyncEnumerable<SeenEvent> WatchAsync(IKubernetes client, string resourceVersion, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Kind == ObjectKind.ConfigMap)
        {
            var events = Namespace is null
                ? client.CoreV1.WatchListConfigMapForAllNamespacesAsync(labelSelector: LabelSelector, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellationToken)
                : client.CoreV1.WatchListNamespacedConfigMapAsync(Namespace, labelSelector: LabelSelector, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellationToken);
            await foreach (var (type, configMap) in events)
            {
                yield return new SeenEvent(type, configMap.Metadata.NamespaceProperty, configMap.Metadata.Name, long.Parse(configMap.Metadata.ResourceVersion, CultureInfo.InvariantCulture));
            }
        }
        else
        {
            var events = Namespace is null
                ? client.CustomObjects.WatchListCustomObjectForAllNamespacesAsync(ApiGroup.Group, ApiGroup.Version, VirtualMachine.Plural,
                    labelSelector: LabelSelector, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellationToken)
                : client.CustomObjects.WatchListNamespacedCustomObjectAsync(ApiGroup.Group, ApiGroup.Version, Namespace, VirtualMachine.Plural,
                    labelSelector: LabelSelector, resourceVersion: resourceVersion, onError: onError, cancellationToken: cancellationToken);
            await foreach (var (type, item) in events)
            {
                var metadata = ((JsonElement)item).GetProperty("metadata");
                yield return new SeenEvent(type, metadata.GetProperty("namespace").GetString()!, metadata.GetProperty("name").GetString()!,
                    long.Parse(metadata.GetProperty("resourceVersion").GetString()!, CultureInfo.InvariantCulture));
            }
        }
    }

    public override string ToString() => $"{Kind} watch in {Namespace ?? "all namespaces"}{(LabelSelector is null ? "" : $" selecting {LabelSelector}")}";
}
