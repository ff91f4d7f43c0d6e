using System.Globalization;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Ownership;

namespace VmAddon.Core.Instances;

/// <summary>Renders the VirtualMachineInstance a VirtualMachine runs. Pure: the VM in, the VMI out.</summary>
public static class VirtualMachineInstanceRenderer
{
    /// <summary>
    /// The VMI for <paramref name="vm"/>: named after the VM (so there is at most one per VM), with the template's
    /// labels and annotations, owned by the VM, and the template's spec with KubeVirt's defaults filled in.
    /// <paramref name="startPaused"/> (a Start request with paused=true) sets spec.startStrategy Paused, whatever the template says.
    /// </summary>
    /// <exception cref="ArgumentException">The VM has no template spec, or lacks the name and uid an owner needs.</exception>
    public static VirtualMachineInstance Render(VirtualMachine vm, bool startPaused = false)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var name = vm.Metadata.Name;
        var spec = vm.Spec.Template.Spec
            ?? throw new ArgumentException($"VirtualMachine \"{name}\": spec.template.spec is required to start an instance.", nameof(vm));
        var template = vm.Spec.Template.Metadata;

        var annotations = Copy(template?.Annotations);
        if (vm.Metadata.Generation is { } generation)
        {
            annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
            annotations[InstanceAnnotations.VmGeneration] = generation.ToString(CultureInfo.InvariantCulture);
        }

        var defaulted = ResourceDefaulter.Apply(spec, name);
        return new VirtualMachineInstance
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = vm.Metadata.NamespaceProperty,
                Labels = Copy(template?.Labels),
                Annotations = annotations,
                OwnerReferences = [ControllerReference.To(vm)],
            },
            Spec = startPaused ? defaulted with { StartStrategy = StartStrategy.Paused } : defaulted,
        };
    }

    private static Dictionary<string, string>? Copy(IDictionary<string, string>? source) =>
        source is null ? null : new Dictionary<string, string>(source, StringComparer.Ordinal);
}
