using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace VmAddon.Kube.Clients;

/// <summary>A typed client for one namespaced VmAddon kind, over KubernetesClient's CustomObjects API (KubernetesJson serialisation, as VmAddon.Api uses).</summary>
public sealed class CustomResourceClient<T>(IKubernetes client)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly KubernetesEntityAttribute _entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no [KubernetesEntity] attribute");

    public string Group => _entity.Group;

    public string Version => _entity.ApiVersion;

    public string Plural => _entity.PluralName;

    /// <summary>The object, or null when it does not exist.</summary>
    public async Task<T?> GetAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<T>(Group, Version, ns, Plural, name, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Lists one namespace, or all namespaces when <paramref name="ns"/> is null.</summary>
    public async Task<CustomResourceList<T>> ListAsync(string? ns, string? labelSelector, CancellationToken cancellationToken, int? limit = null, string? continueToken = null)
    {
        var list = ns is null
            ? await client.CustomObjects.ListCustomObjectForAllNamespacesAsync<WireList<T>>(Group, Version, Plural,
                continueParameter: continueToken, labelSelector: labelSelector, limit: limit, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await client.CustomObjects.ListNamespacedCustomObjectAsync<WireList<T>>(Group, Version, ns, Plural,
                continueParameter: continueToken, labelSelector: labelSelector, limit: limit, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new CustomResourceList<T>([.. list.Items], list.Metadata?.ResourceVersion, list.Metadata?.ContinueProperty);
    }

    /// <summary>
    /// Watches from a resourceVersion, with bookmarks. A 410 Gone (or any other error event) ends the stream with a
    /// <see cref="KubernetesException"/>; the caller relists.
    /// </summary>
    public async IAsyncEnumerable<ResourceWatchEvent<T>> WatchAsync(string? ns, string? resourceVersion, string? labelSelector,
        [EnumeratorCancellation] CancellationToken cancellationToken, int? timeoutSeconds = null)
    {
        var response = ns is null
            ? client.CustomObjects.ListCustomObjectForAllNamespacesWithHttpMessagesAsync<object>(Group, Version, Plural, allowWatchBookmarks: true,
                labelSelector: labelSelector, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: true, cancellationToken: cancellationToken)
            : client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<object>(Group, Version, ns, Plural, allowWatchBookmarks: true,
                labelSelector: labelSelector, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: true, cancellationToken: cancellationToken);
        // KubernetesClient hands an ERROR event (a Status, such as 410 Expired) to onError instead of yielding it;
        // it is rethrown here so the caller sees the code and relists. WatchAsync<,> is marked obsolete in favour of
        // WatchList*Async, which yields untyped objects; this one deserialises with KubernetesJson into T.
        Exception? failure = null;
#pragma warning disable CS0618
        var events = response.WatchAsync<T, object>(e => failure ??= e, cancellationToken);
#pragma warning restore CS0618
        await foreach (var (type, item) in events.ConfigureAwait(false))
        {
            if (failure is not null)
            {
                break;
            }

            yield return new ResourceWatchEvent<T>(type, item);
        }

        if (failure is not null)
        {
            // A stream cut by our own cancellation is a cancellation, not a watch failure.
            cancellationToken.ThrowIfCancellationRequested();
            throw failure is KubernetesException ? failure : new KubernetesException("watch failed", failure);
        }
    }

    public Task<T> CreateAsync(T item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return client.CustomObjects.CreateNamespacedCustomObjectAsync<T>(item, Group, Version, item.Metadata.NamespaceProperty, Plural, cancellationToken: cancellationToken);
    }

    /// <summary>Replaces the object (not its status); the resourceVersion it carries makes this fail with 409 when stale.</summary>
    public Task<T> UpdateAsync(T item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return client.CustomObjects.ReplaceNamespacedCustomObjectAsync<T>(item, Group, Version, item.Metadata.NamespaceProperty, Plural, item.Metadata.Name, cancellationToken: cancellationToken);
    }

    /// <summary>Replaces the status through the status subresource; 409 when the resourceVersion is stale.</summary>
    public Task<T> UpdateStatusAsync(T item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<T>(item, Group, Version, item.Metadata.NamespaceProperty, Plural, item.Metadata.Name, cancellationToken: cancellationToken);
    }

    /// <summary>Patches the object; <paramref name="patch"/> names its type (merge, json or strategic).</summary>
    public Task<T> PatchAsync(string ns, string name, V1Patch patch, CancellationToken cancellationToken) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync<T>(patch, Group, Version, ns, Plural, name, cancellationToken: cancellationToken);

    /// <summary>Patches the status subresource.</summary>
    public Task<T> PatchStatusAsync(string ns, string name, V1Patch patch, CancellationToken cancellationToken) =>
        client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<T>(patch, Group, Version, ns, Plural, name, cancellationToken: cancellationToken);

    /// <summary>Deletes; false when it was already gone. Preconditions that do not hold fail with 409.</summary>
    public async Task<bool> DeleteAsync(string ns, string name, CancellationToken cancellationToken,
        string? uid = null, string? resourceVersion = null, string? propagationPolicy = null)
    {
        var options = new V1DeleteOptions
        {
            PropagationPolicy = propagationPolicy,
            Preconditions = uid is null && resourceVersion is null ? null : new V1Preconditions { ResourceVersion = resourceVersion, Uid = uid },
        };
        try
        {
            await client.CustomObjects.DeleteNamespacedCustomObjectAsync(Group, Version, ns, Plural, name, options, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
