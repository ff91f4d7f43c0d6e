namespace VmAddon.Core.Lifecycle;

/// <summary>What a kubectl vm start, stop, restart, pause or unpause comes to: patches to send, or KubeVirt's refusal.</summary>
public abstract record LifecyclePlan
{
    private LifecyclePlan()
    {
    }

    /// <summary>The request conflicts with the VM's state or run strategy; <paramref name="Reason"/> is KubeVirt's answer.</summary>
    public sealed record Refused(string Reason) : LifecyclePlan;

    /// <summary>JSON patches to send in order. Each tests the resourceVersion it was planned from, so a stale plan fails instead of acting.</summary>
    public sealed record Patches(IReadOnlyList<LifecyclePatch> Items) : LifecyclePlan;
}

/// <summary>Which object, or subresource, a <see cref="LifecyclePatch"/> goes to.</summary>
public enum PatchTarget
{
    VirtualMachine,
    VirtualMachineStatus,
    VirtualMachineInstance,
}

/// <summary>One JSON patch (RFC 6902) for <paramref name="Target"/>.</summary>
public sealed record LifecyclePatch(PatchTarget Target, string JsonPatch);
