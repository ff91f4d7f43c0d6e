using k8s.Autorest;
using k8s.Models;
using VmAddon.Cli.Cluster;
using VmAddon.Core.Lifecycle;

namespace VmAddon.Cli.Lifecycle;

/// <summary>
/// Carries out a <see cref="LifecyclePlan"/>: its patches in order, or its refusal as an error with a next step. A
/// patch that finds the object changed since it was read (the controller wrote its status meanwhile) re-reads and
/// re-plans, so the decision is always made on fresh state.
/// </summary>
internal static class LifecycleRequests
{
    private const int Attempts = 5;

    /// <param name="cluster">The connection.</param>
    /// <param name="request">What is asked, for messages: the verb, the kind and the name.</param>
    /// <param name="plan">Reads the objects and plans; called again after a stale write.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static async Task ApplyAsync(ClusterConnection cluster, LifecycleRequest request, Func<CancellationToken, Task<LifecyclePlan>> plan, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var planned = await plan(cancellationToken).ConfigureAwait(false);
            if (planned is LifecyclePlan.Refused refused)
            {
                throw new CliException($"cannot {request.Verb} {request.Kind} \"{request.Name}\": {refused.Reason}{RefusalHints.For(request, refused.Reason)}");
            }

            try
            {
                foreach (var patch in ((LifecyclePlan.Patches)planned).Items)
                {
                    await SendAsync(cluster, request.Name, patch, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (HttpOperationException e) when (ApiErrors.IsStale(e) && attempt < Attempts)
            {
                // Someone wrote in between: read again and decide again.
            }
        }
    }

    private static Task SendAsync(ClusterConnection cluster, string name, LifecyclePatch patch, CancellationToken cancellationToken)
    {
        var body = new V1Patch(patch.JsonPatch, V1Patch.PatchType.JsonPatch);
        return patch.Target switch
        {
            PatchTarget.VirtualMachine => cluster.VmAddon.VirtualMachines.PatchAsync(cluster.Namespace, name, body, cancellationToken),
            PatchTarget.VirtualMachineStatus => cluster.VmAddon.VirtualMachines.PatchStatusAsync(cluster.Namespace, name, body, cancellationToken),
            _ => cluster.VmAddon.VirtualMachineInstances.PatchAsync(cluster.Namespace, name, body, cancellationToken),
        };
    }
}

/// <summary>A lifecycle request in words: "start", "virtualmachine", "legacy-app".</summary>
internal sealed record LifecycleRequest(string Verb, string Kind, string Name);
