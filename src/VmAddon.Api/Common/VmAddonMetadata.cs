namespace VmAddon.Api;

/// <summary>
/// The labels, annotations and finalizers VmAddon's components agree on. The controller, the agent and kubectl-vm
/// read and write these, so they live here, next to the types they annotate.
/// </summary>
public static class VmAddonMetadata
{
    /// <summary>
    /// VMI label: the node its launcher pod is bound to, set by the VMI controller when the pod is bound. Custom
    /// resources have no field selectors, so each agent watches the VMIs with this label equal to its node (KubeVirt:
    /// kubevirt.io/nodeName).
    /// </summary>
    public const string NodeNameLabel = "vmaddon.io/nodeName";

    /// <summary>
    /// Node label, "true" while the node's agent is alive and serves VMs; launcher pods require it (KubeVirt:
    /// kubevirt.io/schedulable). The agent sets it; the controller sets it to "false" when the heartbeat goes stale.
    /// </summary>
    public const string SchedulableNodeLabel = "vmaddon.io/schedulable";

    /// <summary>Node annotation: the agent's last heartbeat, RFC 3339 UTC (KubeVirt: kubevirt.io/heartbeat).</summary>
    public const string HeartbeatAnnotation = "vmaddon.io/heartbeat";

    /// <summary>
    /// VMI annotation: "true" asks the agent to pause the guest, "false" to run it; its absence (or any other value)
    /// leaves it to spec.startStrategy: paused when that is Paused (the guest then starts with its CPUs stopped), else
    /// running. The agent reports the outcome as the Paused condition. kubectl vm pause|unpause writes it.
    /// </summary>
    public const string PauseRequestedAnnotation = "vmaddon.io/pause-requested";

    /// <summary>
    /// VMI finalizer, added by the VMI controller when it creates the launcher pod and removed once the pod, and so
    /// the domain, is gone: no VMI disappears while its guest may still run.
    /// </summary>
    public const string InstanceFinalizer = "vmaddon.io/virtualMachineControllerFinalize";

    /// <summary>
    /// Lease annotation: the version of the vmaddon-controller that holds the leader Lease, written while it leads, so
    /// that kubectl vm version can report the server side without an extra API server.
    /// </summary>
    public const string ControllerVersionAnnotation = "vmaddon.io/controller-version";
}
