using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Registry;
using VmAddon.DevCluster.Storage;
using VmAddon.DevCluster.Watch;

namespace VmAddon.DevCluster.Controllers;

/// <summary>
/// Serves each CustomResourceDefinition: registers its versions in the catalog, sets NamesAccepted and Established,
/// and on deletion removes every custom resource (Terminating, then the cleanup finalizer goes).
/// </summary>
internal sealed class CrdController(ResourceRegistry registry, ResourceCatalog catalog, ILogger log)
    : StoreController(registry.Store, log, TimeSpan.FromSeconds(1))
{
    public const string CleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    private static readonly ApiResource Crds = BuiltInResources.CustomResourceDefinitions;

    protected override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // After a restart with --data-dir, stored CRDs are served before the first request.
        foreach (var crd in (await Store.ListAsync(Crds.Type, new ListOptions(), cancellationToken).ConfigureAwait(false)).Items)
        {
            await ReconcileAsync(crd, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool Wants(StoreChange change) => change.Key.Group == Crds.Group && change.Key.Resource == Crds.Plural;

    protected override async Task HandleAsync(StoreChange change, CancellationToken cancellationToken)
    {
        if (change.Type == WatchEventType.Deleted)
        {
            catalog.Replace(CrdResources.GroupOf(change.Object), CrdResources.PluralOf(change.Object), []);
            return;
        }

        await ReconcileAsync(await CurrentAsync(change.Key.Name, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ResyncAsync(CancellationToken cancellationToken)
    {
        foreach (var crd in (await Store.ListAsync(Crds.Type, new ListOptions(), cancellationToken).ConfigureAwait(false)).Items.Where(ObjectMetadata.IsDeleting))
        {
            await ReconcileAsync(crd, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JsonObject?> CurrentAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await Store.GetAsync(Crds.Type, null, name, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e) when (e.Reason == StoreErrorReason.NotFound)
        {
            return null;
        }
    }

    private async Task ReconcileAsync(JsonObject? crd, CancellationToken cancellationToken)
    {
        if (crd is null)
        {
            return;
        }

        var now = registry.Time.GetUtcNow();
        var updated = crd.DeepClone().AsObject();
        var status = updated["status"] as JsonObject ?? new JsonObject();
        updated["status"] = status;
        if (ObjectMetadata.IsDeleting(crd))
        {
            StatusConditions.Set(status, "Terminating", "True", "InstanceDeletionInProgress", "CustomResource deletion is in progress", now);
            if (await DeleteInstancesAsync(crd, cancellationToken).ConfigureAwait(false) == 0)
            {
                var finalizers = updated["metadata"]!["finalizers"] as JsonArray ?? [];
                updated["metadata"]!["finalizers"] = new JsonArray([.. finalizers.Where(f => f?.GetValue<string>() != CleanupFinalizer).Select(f => f!.DeepClone())]);
                StatusConditions.Set(status, "Terminating", "True", "InstanceDeletionCompleted", "removed all instances", now);
            }
        }
        else
        {
            catalog.Replace(CrdResources.GroupOf(crd), CrdResources.PluralOf(crd), CrdResources.From(crd));
            var metadata = updated["metadata"]!.AsObject();
            var finalizers = metadata["finalizers"] as JsonArray ?? [];
            if (!finalizers.Any(f => f?.GetValue<string>() == CleanupFinalizer))
            {
                finalizers.Add(CleanupFinalizer);
                metadata["finalizers"] = finalizers.DeepClone();
            }

            status["acceptedNames"] = crd["spec"]!["names"]!.DeepClone();
            StatusConditions.Set(status, "NamesAccepted", "True", "NoConflicts", "no conflicts found", now);
            StatusConditions.Set(status, "Established", "True", "InitialNamesAccepted", "the initial names have been accepted", now);
            status["storedVersions"] = new JsonArray([.. (crd["spec"]!["versions"] as JsonArray ?? [])
                .Where(v => v?["storage"]?.GetValue<bool>() == true).Select(v => v!["name"]!.DeepClone())]);
        }

        if (!JsonNode.DeepEquals(crd, updated))
        {
            try
            {
                await Store.UpdateAsync(Crds.Type, updated, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreException e) when (e.Reason is StoreErrorReason.Conflict or StoreErrorReason.NotFound)
            {
                // A newer version of the CRD is queued behind this one and is reconciled next.
            }
        }
    }

    // Deletes what is left and returns how many instances remained before this pass.
    private async Task<int> DeleteInstancesAsync(JsonObject crd, CancellationToken cancellationToken)
    {
        var resource = catalog.Versions(CrdResources.GroupOf(crd), CrdResources.PluralOf(crd)).FirstOrDefault();
        if (resource is null)
        {
            return 0;
        }

        var instances = (await Store.ListAsync(resource.Type, new ListOptions(), cancellationToken).ConfigureAwait(false)).Items;
        foreach (var instance in instances.Where(i => !ObjectMetadata.IsDeleting(i)))
        {
            try
            {
                await registry.DeleteAsync(resource, instance["metadata"]?["namespace"]?.GetValue<string>(), instance["metadata"]!["name"]!.GetValue<string>(),
                    DeleteOptions.Default, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Already gone.
            }
        }

        return instances.Count;
    }
}
