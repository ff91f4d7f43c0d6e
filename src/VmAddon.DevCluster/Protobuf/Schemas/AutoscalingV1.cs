using static VmAddon.DevCluster.Protobuf.Schemas.Fields;

namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>autoscaling/v1 HorizontalPodAutoscaler, which <c>kubectl autoscale</c> sends.</summary>
internal static class AutoscalingV1
{
    public static readonly MessageSchema CrossVersionObjectReference = new(
        "autoscaling.v1.CrossVersionObjectReference",
        StrAlways(1, "kind"),
        StrAlways(2, "name"),
        Str(3, "apiVersion"));

    public static readonly MessageSchema HorizontalPodAutoscalerSpec = new(
        "autoscaling.v1.HorizontalPodAutoscalerSpec",
        Struct(1, "scaleTargetRef", CrossVersionObjectReference),
        Int32Ptr(2, "minReplicas"),
        Int32Always(3, "maxReplicas"),
        Int32Ptr(4, "targetCPUUtilizationPercentage"));

    public static readonly MessageSchema HorizontalPodAutoscalerStatus = new(
        "autoscaling.v1.HorizontalPodAutoscalerStatus",
        Int64Ptr(1, "observedGeneration"),
        TimePtr(2, "lastScaleTime"),
        Int32Always(3, "currentReplicas"),
        Int32Always(4, "desiredReplicas"),
        Int32Ptr(5, "currentCPUUtilizationPercentage"));

    public static readonly MessageSchema HorizontalPodAutoscaler = new(
        "autoscaling.v1.HorizontalPodAutoscaler",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", HorizontalPodAutoscalerSpec),
        Struct(3, "status", HorizontalPodAutoscalerStatus));
}
