using System.Globalization;
using k8s;
using VmAddon.Api;
using VmAddon.Core.Instances;

namespace VmAddon.Core.Machines;

/// <summary>Whether a live instance was made from an older template than its VM's: then the VM needs a restart to apply it.</summary>
public static class TemplateDrift
{
    /// <summary>
    /// False while the instance carries the VM's current generation (nothing changed since), or is finished or going.
    /// Otherwise the VM changed, perhaps only its runStrategy: the instance is stale when the spec the current
    /// template renders differs from the instance's.
    /// </summary>
    public static bool RestartRequired(VirtualMachine vm, VirtualMachineInstance instance)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.Metadata.DeletionTimestamp is not null
            || instance.Status?.Phase is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed
            || vm.Spec.Template.Spec is not { } template)
        {
            return false;
        }

        if (instance.Metadata.Annotations?.TryGetValue(InstanceAnnotations.VmGeneration, out var madeFrom) == true && vm.Metadata.Generation is { } generation && madeFrom == generation.ToString(CultureInfo.InvariantCulture))
        {
            return false;
        }

        var wanted = ResourceDefaulter.Apply(template, vm.Metadata.Name);
        return KubernetesJson.Serialize(wanted) != KubernetesJson.Serialize(instance.Spec);
    }
}
