using static VmAddon.DevCluster.Protobuf.Schemas.Fields;

namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>policy/v1 PodDisruptionBudget (<c>kubectl create pdb</c>) and Eviction (<c>kubectl drain</c>).</summary>
internal static class PolicyV1
{
    public static readonly MessageSchema PodDisruptionBudgetSpec = new(
        "policy.v1.PodDisruptionBudgetSpec",
        IntOrStringPtr(1, "minAvailable"),
        Ptr(2, "selector", MetaV1.LabelSelector),
        IntOrStringPtr(3, "maxUnavailable"),
        StrPtr(4, "unhealthyPodEvictionPolicy"));

    public static readonly MessageSchema PodDisruptionBudgetStatus = new(
        "policy.v1.PodDisruptionBudgetStatus",
        Int64(1, "observedGeneration"),
        TimeMap(2, "disruptedPods"),
        Int32Always(3, "disruptionsAllowed"),
        Int32Always(4, "currentHealthy"),
        Int32Always(5, "desiredHealthy"),
        Int32Always(6, "expectedPods"),
        List(7, "conditions", MetaV1.Condition));

    public static readonly MessageSchema PodDisruptionBudget = new(
        "policy.v1.PodDisruptionBudget",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", PodDisruptionBudgetSpec),
        Struct(3, "status", PodDisruptionBudgetStatus));

    public static readonly MessageSchema Eviction = new(
        "policy.v1.Eviction",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Ptr(2, "deleteOptions", MetaV1.DeleteOptions));
}
