using System.Text.Json;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Kube.Clients;

namespace VmAddon.Controller.Instances;

/// <summary>The VMI metadata patches the VMI controller makes: its finalizer on and off, and the node label.</summary>
internal static class InstanceMetadata
{
    public static bool HasFinalizer(VirtualMachineInstance vmi) =>
        vmi.Metadata.Finalizers?.Contains(VmAddonMetadata.InstanceFinalizer) == true;

    /// <summary>Adds the finalizer; the resourceVersion makes a patch against a stale copy fail with 409 (requeued).</summary>
    public static Task<VirtualMachineInstance> AddFinalizerAsync(CustomResourceClient<VirtualMachineInstance> client, VirtualMachineInstance vmi, CancellationToken cancellationToken) =>
        SetFinalizersAsync(client, vmi, [.. vmi.Metadata.Finalizers ?? [], VmAddonMetadata.InstanceFinalizer], cancellationToken);

    public static Task<VirtualMachineInstance> RemoveFinalizerAsync(CustomResourceClient<VirtualMachineInstance> client, VirtualMachineInstance vmi, CancellationToken cancellationToken) =>
        SetFinalizersAsync(client, vmi, [.. (vmi.Metadata.Finalizers ?? []).Where(f => f != VmAddonMetadata.InstanceFinalizer)], cancellationToken);

    /// <summary>Sets the vmaddon.io/nodeName label, by which each node's agent selects its VMIs; returns the VMI as patched.</summary>
    public static Task<VirtualMachineInstance> SetNodeLabelAsync(CustomResourceClient<VirtualMachineInstance> client, VirtualMachineInstance vmi, string node, CancellationToken cancellationToken)
    {
        var patch = JsonSerializer.Serialize(new { metadata = new { labels = new Dictionary<string, string> { [VmAddonMetadata.NodeNameLabel] = node } } });
        return client.PatchAsync(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, new V1Patch(patch, V1Patch.PatchType.MergePatch), cancellationToken);
    }

    public static string? NodeOf(VirtualMachineInstance vmi) =>
        vmi.Metadata.Labels?.TryGetValue(VmAddonMetadata.NodeNameLabel, out var node) == true ? node : null;

    private static Task<VirtualMachineInstance> SetFinalizersAsync(CustomResourceClient<VirtualMachineInstance> client, VirtualMachineInstance vmi, string[] finalizers, CancellationToken cancellationToken)
    {
        var patch = JsonSerializer.Serialize(new { metadata = new { finalizers, resourceVersion = vmi.Metadata.ResourceVersion } });
        return client.PatchAsync(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, new V1Patch(patch, V1Patch.PatchType.MergePatch), cancellationToken);
    }
}
