using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;
using VmAddon.Api;

namespace VmAddon.DevCluster.Tests.Load;

/// <summary>Lists every object of a kind in all namespaces, page by page with limit and continue, as client-go's pager does.</summary>
internal static class PagedLister
{
    public static async Task<PagedList> ListAsync(IKubernetes client, ObjectKind kind, int limit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var items = new List<(ObjectRef, long)>();
        var versions = new List<long>();
        string? token = null;
        do
        {
            V1ListMeta page;
            if (kind == ObjectKind.ConfigMap)
            {
                var list = await client.CoreV1.ListConfigMapForAllNamespacesAsync(continueParameter: token, limit: limit, cancellationToken: cancellationToken);
                items.AddRange(list.Items.Select(c => Item(kind, c.Metadata)));
                page = list.Metadata;
            }
            else
            {
                var list = await client.CustomObjects.ListCustomObjectForAllNamespacesAsync<VirtualMachineList>(
                    ApiGroup.Group, ApiGroup.Version, VirtualMachine.Plural, continueParameter: token, limit: limit, cancellationToken: cancellationToken);
                items.AddRange(list.Items.Select(vm => Item(kind, vm.Metadata)));
                page = list.Metadata;
            }

            versions.Add(long.Parse(page.ResourceVersion, CultureInfo.InvariantCulture));
            token = page.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(token));

        return new PagedList(versions[0], versions, items, Stopwatch.GetElapsedTime(started));
    }

    private static (ObjectRef, long) Item(ObjectKind kind, V1ObjectMeta metadata) =>
        (new ObjectRef(kind, metadata.NamespaceProperty, metadata.Name), long.Parse(metadata.ResourceVersion, CultureInfo.InvariantCulture));
}
