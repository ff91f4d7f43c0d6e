using k8s;
using k8s.Models;

namespace VmAddon.Core.Ownership;

/// <summary>
/// The owner reference a controller puts on what it creates. controller=true lets caches index children by
/// their one controller, and blockOwnerDeletion=true keeps a foreground-deleted owner until its children are
/// gone (DESIGN §4: owner references tie VM → VMI → Pod).
/// </summary>
internal static class ControllerReference
{
    public static V1OwnerReference To(IKubernetesObject<V1ObjectMeta> owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var metadata = owner.Metadata ?? throw new ArgumentException("The owner has no metadata.", nameof(owner));
        if (string.IsNullOrEmpty(metadata.Name) || string.IsNullOrEmpty(metadata.Uid))
        {
            // Without a uid the garbage collector would treat the reference as dangling and delete the child.
            throw new ArgumentException(
                $"The owner {owner.Kind} \"{metadata.Name}\" needs a name and a uid: render children only from objects read back from the API.",
                nameof(owner));
        }

        return new V1OwnerReference
        {
            ApiVersion = owner.ApiVersion,
            Kind = owner.Kind,
            Name = metadata.Name,
            Uid = metadata.Uid,
            Controller = true,
            BlockOwnerDeletion = true,
        };
    }
}
