using k8s;
using k8s.Models;
using VmAddon.Kube.Queue;

namespace VmAddon.Kube.Caching;

/// <summary>The usual <see cref="InformerHandler{T}"/>s: queue an object's own key, or the key of its controlling owner.</summary>
public static class InformerHandlers
{
    /// <summary>Queues the key of every object added, updated or deleted.</summary>
    public static InformerHandler<T> EnqueueKey<T>(WorkQueue queue)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(queue);
        return new InformerHandler<T>
        {
            OnAdded = o => queue.Add(InformerCache<T>.KeyOf(o)),
            OnUpdated = (_, o) => queue.Add(InformerCache<T>.KeyOf(o)),
            OnDeleted = (o, _) => queue.Add(InformerCache<T>.KeyOf(o)),
        };
    }

    /// <summary>Queues the "namespace/name" key of the object's controller owner of <paramref name="ownerKind"/> (a pod's VMI, say).</summary>
    public static InformerHandler<T> EnqueueControllerOwner<T>(WorkQueue queue, string ownerKind)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentException.ThrowIfNullOrEmpty(ownerKind);
        void Enqueue(T o)
        {
            if (ControllerOwnerKey(o, ownerKind) is { } key)
            {
                queue.Add(key);
            }
        }

        return new InformerHandler<T>
        {
            OnAdded = Enqueue,
            OnUpdated = (old, o) =>
            {
                // An owner that changed (adoption, release) must hear of it too.
                Enqueue(old);
                Enqueue(o);
            },
            OnDeleted = (o, _) => Enqueue(o),
        };
    }

    /// <summary>The "namespace/name" key of the object's controller owner of <paramref name="ownerKind"/>, or null.</summary>
    public static string? ControllerOwnerKey<T>(T obj, string ownerKind)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(obj);
        var owner = obj.Metadata.OwnerReferences?.FirstOrDefault(r => r.Controller == true && r.Kind == ownerKind);
        if (owner is null)
        {
            return null;
        }

        return obj.Metadata.NamespaceProperty is { Length: > 0 } ns ? $"{ns}/{owner.Name}" : owner.Name;
    }
}
