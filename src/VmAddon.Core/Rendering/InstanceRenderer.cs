using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Domain;
using VmAddon.Core.Instances;
using VmAddon.Core.Launcher;

namespace VmAddon.Core.Rendering;

/// <summary>
/// Renders what the cluster would create for a VM, VMI or pool (its first replica), offline. Fields the API
/// server would assign — the namespace when absent, and uids — are filled with stable placeholders: a uid is
/// derived from the kind, namespace and name, so the same manifest always renders the same.
/// </summary>
public static class InstanceRenderer
{
    /// <summary>The namespace kubectl uses when a manifest names none.</summary>
    public const string DefaultNamespace = "default";

    private static readonly Guid s_placeholderUidNamespace = new("0b6f3d51-8f0e-4c61-9a3b-7d55e3c0a9e2");

    /// <exception cref="ArgumentException">The resource is a kind that runs nothing, such as a migration.</exception>
    public static RenderedInstance Render(object resource, RenderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(settings);
        var vmi = resource switch
        {
            VirtualMachine vm => VirtualMachineInstanceRenderer.Render(WithIdentity(vm)),
            VirtualMachineInstance instance => ResourceDefaulter.Apply(instance),
            VirtualMachinePool pool => VirtualMachineInstanceRenderer.Render(WithIdentity(PoolReplicaRenderer.Render(WithIdentity(pool), 0))),
            _ => throw new ArgumentException($"a {KindOf(resource)} runs no virtual machine, so it renders nothing", nameof(resource)),
        };
        vmi = WithIdentity(vmi);

        var pod = LauncherPodRenderer.Render(vmi, settings.LauncherPod with { SoftwareEmulation = settings.SoftwareEmulation });
        var domain = DomainXmlWriter.Write(DomainRenderer.Render(vmi, new DomainRenderOptions { SoftwareEmulation = settings.SoftwareEmulation }));
        return new RenderedInstance(vmi, pod, domain);
    }

    private static T WithIdentity<T>(T resource)
        where T : k8s.IKubernetesObject<V1ObjectMeta>
    {
        // A copy, so the caller's object is left as it was.
        var copy = k8s.KubernetesJson.Deserialize<T>(k8s.KubernetesJson.Serialize(resource));
        var metadata = copy.Metadata;
        metadata.NamespaceProperty ??= DefaultNamespace;
        metadata.Uid ??= NameBasedUuid.Create(s_placeholderUidNamespace, $"{copy.Kind}/{metadata.NamespaceProperty}/{metadata.Name}").ToString();
        return copy;
    }

    private static string KindOf(object resource) =>
        resource is k8s.IKubernetesObject typed ? typed.Kind : resource.GetType().Name;
}
