using k8s;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Launcher;
using VmAddon.Kube.Caching;

namespace VmAddon.Controller.Instances;

/// <summary>How the controllers find a VMI's launcher pods: owned by the VMI as controller and labelled with its uid.</summary>
internal static class LauncherPods
{
    /// <summary>The label selector of every launcher pod, for the pod cache.</summary>
    public const string Selector = LauncherPodLabels.Component + "=" + LauncherPodLabels.LauncherComponent;

    /// <summary>The cached launcher pods of <paramref name="vmi"/>, the live one (not Terminating) first.</summary>
    public static IReadOnlyList<V1Pod> Of(InformerCache<V1Pod> pods, VirtualMachineInstance vmi)
    {
        var uid = vmi.Metadata.Uid;
        return [.. pods.ByIndex(InformerCache<V1Pod>.OwnerIndex, uid)
            .Where(p => p.Metadata.NamespaceProperty == vmi.Metadata.NamespaceProperty
                && p.Metadata.Labels?.TryGetValue(LauncherPodLabels.CreatedBy, out var createdBy) == true && createdBy == uid
                && p.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == uid) == true)
            .OrderBy(p => p.Metadata.DeletionTimestamp is not null)];
    }

    /// <summary>
    /// Asks the API server, not the cache, whether any launcher pod of <paramref name="vmi"/> still exists: a finalizer
    /// is released, and a VMI failed, only on that proof, since a stale cache may have missed a pod.
    /// </summary>
    public static async Task<bool> AnyInApiAsync(IKubernetes client, VirtualMachineInstance vmi, CancellationToken cancellationToken)
    {
        var list = await client.CoreV1.ListNamespacedPodAsync(
            vmi.Metadata.NamespaceProperty, labelSelector: $"{LauncherPodLabels.CreatedBy}={vmi.Metadata.Uid}", cancellationToken: cancellationToken).ConfigureAwait(false);
        return list.Items.Count > 0;
    }

    /// <summary>
    /// The launcher pod to create, named after the VMI and its uid rather than generated: should two controllers (or
    /// one with a stale cache) both try, the API server refuses the second with 409, so a VMI never gets two launchers.
    /// </summary>
    public static V1Pod Render(VirtualMachineInstance vmi, LauncherPodOptions options)
    {
        var pod = LauncherPodRenderer.Render(vmi, options);
        pod.Metadata.Name = NameFor(vmi);
        pod.Metadata.GenerateName = null;
        return pod;
    }

    /// <summary>virt-launcher-NAME-XXXXXXXXXX, the suffix from the VMI's uid, within the 253 characters of a pod name.</summary>
    public static string NameFor(VirtualMachineInstance vmi)
    {
        var name = vmi.Metadata.Name;
        var suffix = new string([.. vmi.Metadata.Uid.Where(char.IsAsciiLetterOrDigit).Take(10)]).ToLowerInvariant();
        var stem = $"virt-launcher-{name}";
        return (stem.Length > 240 ? stem[..240] : stem) + "-" + suffix;
    }
}
