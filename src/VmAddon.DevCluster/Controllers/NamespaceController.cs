using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Registry;
using VmAddon.DevCluster.Storage;
using VmAddon.DevCluster.Watch;

namespace VmAddon.DevCluster.Controllers;

/// <summary>
/// Creates the namespaces every cluster has, and finishes a namespace's deletion as kube-controller-manager does:
/// phase Terminating, every object in it deleted, then the "kubernetes" finalizer removed, which removes the namespace.
/// </summary>
internal sealed class NamespaceController(ResourceRegistry registry, ResourceCatalog catalog, ILogger log)
    : StoreController(registry.Store, log, TimeSpan.FromSeconds(1))
{
    public static readonly IReadOnlyList<string> SystemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    private static readonly ApiResource Namespaces = BuiltInResources.Namespaces;

    protected override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var name in SystemNamespaces)
        {
            try
            {
                await registry.CreateAsync(Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } }, WriteOptions.Default, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (ApiException e) when (e.Reason == "AlreadyExists")
            {
                // Kept from an earlier run (--data-dir).
            }
        }
    }

    protected override bool Wants(StoreChange change) =>
        change.Key.Group.Length == 0 && change.Key.Resource == "namespaces" && (ObjectMetadata.IsDeleting(change.Object) || change.Type == WatchEventType.Added);

    protected override Task HandleAsync(StoreChange change, CancellationToken cancellationToken) =>
        ObjectMetadata.IsDeleting(change.Object) ? FinishAsync(change.Key.Name, cancellationToken) : AddDefaultServiceAccountAsync(change.Key.Name, cancellationToken);

    // Like kube-controller-manager's service account controller: every namespace gets a "default" ServiceAccount, which pods use unless they name another.
    private async Task AddDefaultServiceAccountAsync(string ns, CancellationToken cancellationToken)
    {
        var serviceAccounts = catalog.Find("", "v1", "serviceaccounts")!;
        try
        {
            await registry.CreateAsync(serviceAccounts, ns, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "default" } }, WriteOptions.Default, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ApiException e) when (e.Reason is "AlreadyExists" or "NotFound" or "Forbidden")
        {
            // Already there, or the namespace went (or is going) meanwhile.
        }
    }

    protected override async Task ResyncAsync(CancellationToken cancellationToken)
    {
        var all = await Store.ListAsync(Namespaces.Type, new ListOptions(), cancellationToken).ConfigureAwait(false);
        foreach (var ns in all.Items.Where(ObjectMetadata.IsDeleting))
        {
            await FinishAsync(ns["metadata"]!["name"]!.GetValue<string>(), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FinishAsync(string name, CancellationToken cancellationToken)
    {
        JsonObject ns;
        try
        {
            ns = await Store.GetAsync(Namespaces.Type, null, name, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e) when (e.Reason == StoreErrorReason.NotFound)
        {
            return;
        }

        var updated = ns.DeepClone().AsObject();
        var status = updated["status"] as JsonObject ?? new JsonObject();
        updated["status"] = status;
        status["phase"] = "Terminating";
        var remaining = await DeleteContentAsync(name, cancellationToken).ConfigureAwait(false);
        StatusConditions.Set(status, "NamespaceContentRemaining", remaining > 0 ? "True" : "False", remaining > 0 ? "SomeResourcesRemain" : "ContentRemoved",
            remaining > 0 ? $"Some resources are remaining: {remaining} objects" : "All content successfully removed", registry.Time.GetUtcNow());
        if (remaining == 0 && updated["spec"]?["finalizers"] is JsonArray finalizers)
        {
            updated["spec"]!["finalizers"] = new JsonArray([.. finalizers.Where(f => f?.GetValue<string>() != "kubernetes").Select(f => f!.DeepClone())]);
        }

        if (!JsonNode.DeepEquals(ns, updated))
        {
            try
            {
                await Store.UpdateAsync(Namespaces.Type, updated, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreException e) when (e.Reason is StoreErrorReason.Conflict or StoreErrorReason.NotFound)
            {
                // Retried by the next change or resync.
            }
        }
    }

    // Deletes every namespaced object in the namespace; returns how many were there at the start of the pass.
    private async Task<int> DeleteContentAsync(string ns, CancellationToken cancellationToken)
    {
        var remaining = 0;
        foreach (var resource in catalog.All.Where(r => r.Namespaced).DistinctBy(r => (r.StorageType.Group, r.StorageType.Resource)))
        {
            var items = (await Store.ListAsync(resource.StorageType, new ListOptions(ns), cancellationToken).ConfigureAwait(false)).Items;
            remaining += items.Count;
            foreach (var item in items.Where(i => !ObjectMetadata.IsDeleting(i)))
            {
                try
                {
                    await registry.DeleteAsync(resource, ns, item["metadata"]!["name"]!.GetValue<string>(), DeleteOptions.Default, cancellationToken).ConfigureAwait(false);
                }
                catch (ApiException e) when (e.Code == 404)
                {
                    // Gone meanwhile.
                }
            }
        }

        return remaining;
    }
}
