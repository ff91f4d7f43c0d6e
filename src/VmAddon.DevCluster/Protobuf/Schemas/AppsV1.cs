using static VmAddon.DevCluster.Protobuf.Schemas.Fields;

namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>apps/v1 Deployment, which <c>kubectl create deployment</c> sends.</summary>
internal static class AppsV1
{
    public static readonly MessageSchema RollingUpdateDeployment = new(
        "apps.v1.RollingUpdateDeployment",
        IntOrStringPtr(1, "maxUnavailable"),
        IntOrStringPtr(2, "maxSurge"));

    public static readonly MessageSchema DeploymentStrategy = new(
        "apps.v1.DeploymentStrategy",
        Str(1, "type"),
        Ptr(2, "rollingUpdate", RollingUpdateDeployment));

    public static readonly MessageSchema DeploymentSpec = new(
        "apps.v1.DeploymentSpec",
        Int32Ptr(1, "replicas"),
        Ptr(2, "selector", MetaV1.LabelSelector),
        Struct(3, "template", CoreV1Pods.PodTemplateSpec),
        Struct(4, "strategy", DeploymentStrategy),
        Int32(5, "minReadySeconds"),
        Int32Ptr(6, "revisionHistoryLimit"),
        Bool(7, "paused"),
        Int32Ptr(9, "progressDeadlineSeconds"));

    public static readonly MessageSchema DeploymentCondition = new(
        "apps.v1.DeploymentCondition",
        StrAlways(1, "type"),
        StrAlways(2, "status"),
        Time(6, "lastUpdateTime"),
        Time(7, "lastTransitionTime"),
        Str(4, "reason"),
        Str(5, "message"));

    public static readonly MessageSchema DeploymentStatus = new(
        "apps.v1.DeploymentStatus",
        Int64(1, "observedGeneration"),
        Int32(2, "replicas"),
        Int32(3, "updatedReplicas"),
        Int32(7, "readyReplicas"),
        Int32(4, "availableReplicas"),
        Int32(5, "unavailableReplicas"),
        Int32Ptr(9, "terminatingReplicas"),
        List(6, "conditions", DeploymentCondition),
        Int32Ptr(8, "collisionCount"));

    public static readonly MessageSchema Deployment = new(
        "apps.v1.Deployment",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", DeploymentSpec),
        Struct(3, "status", DeploymentStatus));
}
