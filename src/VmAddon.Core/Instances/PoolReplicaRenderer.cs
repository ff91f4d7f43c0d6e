using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Ownership;

namespace VmAddon.Core.Instances;

/// <summary>Renders the VirtualMachines of a VirtualMachinePool, one per replica index.</summary>
public static class PoolReplicaRenderer
{
    /// <summary>The name of replica <paramref name="index"/> of pool <paramref name="poolName"/>: <c>&lt;pool&gt;-&lt;index&gt;</c>, as KubeVirt names them.</summary>
    public static string ReplicaName(string poolName, int index)
    {
        ArgumentNullException.ThrowIfNull(poolName);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return $"{poolName}-{index}";
    }

    /// <summary>
    /// The VM for replica <paramref name="index"/>: named <c>&lt;pool&gt;-&lt;index&gt;</c>, with the labels and annotations
    /// of the virtualMachineTemplate (so the pool's selector matches it), owned by the pool, and the template's spec
    /// with defaults filled in.
    /// </summary>
    public static VirtualMachine Render(VirtualMachinePool pool, int index)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var poolName = pool.Metadata.Name
            ?? throw new ArgumentException("The pool has no metadata.name.", nameof(pool));
        var template = pool.Spec.VirtualMachineTemplate;
        var vm = new VirtualMachine
        {
            Metadata = new V1ObjectMeta
            {
                Name = ReplicaName(poolName, index),
                NamespaceProperty = pool.Metadata.NamespaceProperty,
                Labels = Copy(template.Metadata?.Labels),
                Annotations = Copy(template.Metadata?.Annotations),
                OwnerReferences = [ControllerReference.To(pool)],
            },
            Spec = template.Spec,
        };
        return ResourceDefaulter.Apply(vm);
    }

    private static Dictionary<string, string>? Copy(IDictionary<string, string>? source) =>
        source is null ? null : new Dictionary<string, string>(source, StringComparer.Ordinal);
}
