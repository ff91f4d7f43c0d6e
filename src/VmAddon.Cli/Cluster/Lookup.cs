using k8s;
using VmAddon.Api;

namespace VmAddon.Cli.Cluster;

/// <summary>Reads VMs and VMIs by name, with kubectl-style not-found messages that say whether the namespace itself is missing.</summary>
internal static class Lookup
{
    public static async Task<VirtualMachine> VmAsync(ClusterConnection cluster, string name, CancellationToken cancellationToken) =>
        await cluster.VmAddon.VirtualMachines.GetAsync(cluster.Namespace, name, cancellationToken).ConfigureAwait(false)
            ?? throw await NotFoundAsync(cluster, "virtualmachine", "vm", name, cancellationToken).ConfigureAwait(false);

    public static async Task<VirtualMachineInstance> VmiAsync(ClusterConnection cluster, string name, CancellationToken cancellationToken) =>
        await VmiOrNullAsync(cluster, name, cancellationToken).ConfigureAwait(false)
            ?? throw await NotFoundAsync(cluster, "virtualmachineinstance", "vmi", name, cancellationToken).ConfigureAwait(false);

    public static Task<VirtualMachineInstance?> VmiOrNullAsync(ClusterConnection cluster, string name, CancellationToken cancellationToken) =>
        cluster.VmAddon.VirtualMachineInstances.GetAsync(cluster.Namespace, name, cancellationToken);

    /// <summary>
    /// 'virtualmachine "x" not found in namespace "y" (try: kubectl get vm -A)', or 'namespace "y" not found' when that is
    /// the reason. A user who may not read namespaces gets the first.
    /// </summary>
    private static async Task<CliException> NotFoundAsync(ClusterConnection cluster, string kind, string shortName, string name, CancellationToken cancellationToken)
    {
        try
        {
            await cluster.Client.CoreV1.ReadNamespaceAsync(cluster.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            return new CliException($"namespace \"{cluster.Namespace}\" not found (try: kubectl get namespaces, then -n NAMESPACE)");
        }
        catch (k8s.Autorest.HttpOperationException)
        {
            // Forbidden to read namespaces: say what we know.
        }

        return new CliException($"{kind} \"{name}\" not found in namespace \"{cluster.Namespace}\" (try: kubectl get {shortName} -A)");
    }
}
