using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using VmAddon.Kube.Clients;

namespace VmAddon.Kube.Caching;

/// <summary>Informer caches over our typed custom-resource clients, across all namespaces.</summary>
public static class CustomResourceCaches
{
    public static InformerCache<T> For<T>(CustomResourceClient<T> client, ILogger logger, string? labelSelector = null, TimeProvider? time = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        return new InformerCache<T>(
            client.Plural,
            async ct =>
            {
                var list = await client.ListAsync(null, labelSelector, ct).ConfigureAwait(false);
                return ([.. list.Items], list.ResourceVersion ?? "");
            },
            (resourceVersion, timeout, onError, ct) => WatchAsync(client, resourceVersion, labelSelector, timeout, onError, ct),
            logger,
            time);
    }

    // The typed client throws on an error event (410 Expired); the cache expects it through onError, then the end of the stream.
    private static async IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync<T>(
        CustomResourceClient<T> client, string resourceVersion, string? labelSelector, int timeout, Action<Exception> onError,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        await using var events = client.WatchAsync(null, resourceVersion, labelSelector, cancellationToken, timeout).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ResourceWatchEvent<T> next;
            try
            {
                if (!await events.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                next = events.Current;
            }
            catch (KubernetesException e)
            {
                onError(e);
                yield break;
            }

            yield return (next.Type, next.Object);
        }
    }
}
