using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Registry;
using VmAddon.DevCluster.Storage;
using VmAddon.DevCluster.Watch;

namespace VmAddon.DevCluster.Controllers;

/// <summary>
/// kube-controller-manager's garbage collector over ownerReferences, for every resource including custom ones:
/// dependents whose owners are all gone are deleted (background); an owner deleted with the <c>orphan</c> finalizer
/// has its dependents' references removed first; one with <c>foregroundDeletion</c> waits until its dependents are gone.
/// </summary>
internal sealed class GarbageCollector(ResourceRegistry registry, ResourceCatalog catalog, ILogger log)
    : StoreController(registry.Store, log, TimeSpan.FromSeconds(5))
{
    private readonly OwnerGraph _graph = new();

    protected override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var (objects, _) = await Store.SnapshotAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (key, obj) in objects)
        {
            _graph.Observe(key, obj);
        }
    }

    // The graph is updated here, in commit order; the work is done on the loop.
    protected override bool Wants(StoreChange change)
    {
        if (change.Type == WatchEventType.Deleted)
        {
            _graph.Forget(change.Key, change.Object);
        }
        else
        {
            _graph.Observe(change.Key, change.Object);
        }

        return change.Type == WatchEventType.Deleted || OwnerGraph.OwnerUids(change.Object).Count > 0 || IsDeletingWithPolicy(change.Object);
    }

    protected override async Task HandleAsync(StoreChange change, CancellationToken cancellationToken)
    {
        var uid = change.Object["metadata"]?["uid"]?.GetValue<string>() ?? "";
        if (change.Type == WatchEventType.Deleted)
        {
            foreach (var dependent in _graph.DependentsOf(uid))
            {
                await VerifyOwnersAsync(dependent, cancellationToken).ConfigureAwait(false);
            }

            // A dependent that went away may release an owner waiting in foreground deletion.
            foreach (var ownerUid in OwnerGraph.OwnerUids(change.Object))
            {
                if (_graph.KeyOf(ownerUid) is { } owner)
                {
                    await ProcessDeletingOwnerAsync(owner, cancellationToken).ConfigureAwait(false);
                }
            }

            return;
        }

        if (IsDeletingWithPolicy(change.Object))
        {
            await ProcessDeletingOwnerAsync(change.Key, cancellationToken).ConfigureAwait(false);
        }

        if (OwnerGraph.OwnerUids(change.Object).Count > 0)
        {
            await VerifyOwnersAsync(change.Key, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ResyncAsync(CancellationToken cancellationToken)
    {
        foreach (var owner in _graph.OwnersWithDependents())
        {
            await ProcessDeletingOwnerAsync(owner, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsDeletingWithPolicy(JsonObject obj) =>
        ObjectMetadata.IsDeleting(obj) && Finalizers(obj).Any(f => f is ResourceRegistry.Finalizers.Orphan or ResourceRegistry.Finalizers.ForegroundDeletion);

    private static IReadOnlyList<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray list ? [.. list.Select(f => f?.GetValue<string>() ?? "")] : [];

    // A dependent whose owners are all gone is deleted; references to owners that are gone are dropped when others remain.
    private async Task VerifyOwnersAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (await GetAsync(key, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return;
        }

        var (resource, dependent) = found;
        var owners = OwnerGraph.OwnerUids(dependent);
        var absent = owners.Where(u => _graph.KeyOf(u) is null).ToList();
        if (absent.Count == 0)
        {
            return;
        }

        if (absent.Count == owners.Count)
        {
            await DeleteAsync(resource, key, dependent, PropagationPolicy.Background, cancellationToken).ConfigureAwait(false);
            return;
        }

        await UpdateAsync(resource, dependent, d => RemoveOwnerReferences(d, absent), cancellationToken).ConfigureAwait(false);
    }

    private async Task ProcessDeletingOwnerAsync(ObjectKey ownerKey, CancellationToken cancellationToken)
    {
        if (await GetAsync(ownerKey, cancellationToken).ConfigureAwait(false) is not { } found || !IsDeletingWithPolicy(found.Object))
        {
            return;
        }

        var (resource, owner) = found;
        var uid = owner["metadata"]!["uid"]!.GetValue<string>();
        var finalizers = Finalizers(owner);
        var dependents = _graph.DependentsOf(uid);
        if (finalizers.Contains(ResourceRegistry.Finalizers.Orphan))
        {
            foreach (var dependentKey in dependents)
            {
                if (await GetAsync(dependentKey, cancellationToken).ConfigureAwait(false) is { } dependent)
                {
                    await UpdateAsync(dependent.Resource, dependent.Object, d => RemoveOwnerReferences(d, [uid]), cancellationToken).ConfigureAwait(false);
                }
            }

            await RemoveFinalizerAsync(resource, ownerKey, ResourceRegistry.Finalizers.Orphan, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Foreground: dependents go first (themselves in the foreground); the owner's finalizer goes when none remains.
        var remaining = 0;
        foreach (var dependentKey in dependents)
        {
            if (await GetAsync(dependentKey, cancellationToken).ConfigureAwait(false) is not { } dependent)
            {
                continue;
            }

            remaining++;
            if (!ObjectMetadata.IsDeleting(dependent.Object))
            {
                await DeleteAsync(dependent.Resource, dependentKey, dependent.Object, PropagationPolicy.Foreground, cancellationToken).ConfigureAwait(false);
            }
        }

        if (remaining == 0)
        {
            await RemoveFinalizerAsync(resource, ownerKey, ResourceRegistry.Finalizers.ForegroundDeletion, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void RemoveOwnerReferences(JsonObject obj, IReadOnlyCollection<string> uids)
    {
        var metadata = obj["metadata"]!.AsObject();
        var kept = (metadata["ownerReferences"] as JsonArray ?? []).Where(r => !uids.Contains(r?["uid"]?.GetValue<string>() ?? "")).Select(r => r!.DeepClone()).ToList();
        if (kept.Count == 0)
        {
            metadata.Remove("ownerReferences");
        }
        else
        {
            metadata["ownerReferences"] = new JsonArray([.. kept]);
        }
    }

    private async Task RemoveFinalizerAsync(ApiResource resource, ObjectKey key, string finalizer, CancellationToken cancellationToken)
    {
        if (await GetAsync(key, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return;
        }

        await UpdateAsync(resource, found.Object, o =>
        {
            var kept = Finalizers(o).Where(f => f != finalizer).Select(f => (JsonNode?)JsonValue.Create(f)).ToArray();
            o["metadata"]!["finalizers"] = new JsonArray(kept);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(ApiResource Resource, JsonObject Object)?> GetAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (catalog.Versions(key.Group, key.Resource).FirstOrDefault() is not { } resource)
        {
            return null;
        }

        try
        {
            return (resource, await Store.GetAsync(resource.StorageType, key.Namespace, key.Name, cancellationToken).ConfigureAwait(false));
        }
        catch (StoreException e) when (e.Reason == StoreErrorReason.NotFound)
        {
            return null;
        }
    }

    private async Task UpdateAsync(ApiResource resource, JsonObject obj, Action<JsonObject> change, CancellationToken cancellationToken)
    {
        var updated = obj.DeepClone().AsObject();
        change(updated);
        try
        {
            await Store.UpdateAsync(resource.StorageType, updated, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e) when (e.Reason is StoreErrorReason.Conflict or StoreErrorReason.NotFound)
        {
            // The newer version comes through the loop and is handled then.
        }
    }

    private async Task DeleteAsync(ApiResource resource, ObjectKey key, JsonObject obj, PropagationPolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            await registry.DeleteAsync(resource, key.Namespace, key.Name,
                new DeleteOptions(policy, PreconditionUid: obj["metadata"]!["uid"]!.GetValue<string>()), cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // Gone, or replaced by a new object of the same name that this collector must not touch.
        }
    }
}
