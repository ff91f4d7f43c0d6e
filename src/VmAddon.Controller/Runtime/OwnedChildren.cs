using k8s;
using k8s.Models;
using VmAddon.Kube.Caching;
using VmAddon.Kube.Expectations;
using VmAddon.Kube.Queue;

namespace VmAddon.Controller.Runtime;

/// <summary>
/// Watches the children a controller creates (a VM's VMI, a VMI's pod): each change queues the controlling owner's key,
/// and each child appearing in the cache meets one creation expectation of that owner.
/// </summary>
internal static class OwnedChildren
{
    public static void Track<T>(InformerCache<T> children, string ownerKind, WorkQueue queue, ControllerExpectations expectations)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        void Observed(T child, bool created)
        {
            if (InformerHandlers.ControllerOwnerKey(child, ownerKind) is { } key)
            {
                if (created)
                {
                    expectations.CreationObserved(key);
                }

                queue.Add(key);
            }
        }

        children.AddHandler(new InformerHandler<T>
        {
            OnAdded = child => Observed(child, created: true),
            OnUpdated = (_, child) => Observed(child, created: false),
            OnDeleted = (child, _) => Observed(child, created: false),
        });
    }
}
