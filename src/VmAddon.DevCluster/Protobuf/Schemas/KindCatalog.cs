using System.Collections.Frozen;

namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>The top-level kinds the decoder knows, by apiVersion and kind as the envelope's typeMeta names them.</summary>
internal static class KindCatalog
{
    private static readonly FrozenDictionary<(string ApiVersion, string Kind), MessageSchema> Kinds = new Dictionary<(string, string), MessageSchema>
    {
        [("v1", "ConfigMap")] = CoreV1.ConfigMap,
        [("v1", "Secret")] = CoreV1.Secret,
        [("v1", "Namespace")] = CoreV1.Namespace,
        [("v1", "ServiceAccount")] = CoreV1.ServiceAccount,
        [("v1", "Service")] = CoreV1.Service,
        [("v1", "ResourceQuota")] = CoreV1.ResourceQuota,
        [("v1", "Pod")] = CoreV1Pods.Pod,
        [("apps/v1", "Deployment")] = AppsV1.Deployment,
        [("autoscaling/v1", "HorizontalPodAutoscaler")] = AutoscalingV1.HorizontalPodAutoscaler,
        [("batch/v1", "Job")] = BatchV1.Job,
        [("batch/v1", "CronJob")] = BatchV1.CronJob,
        [("rbac.authorization.k8s.io/v1", "Role")] = RbacV1.Role,
        [("rbac.authorization.k8s.io/v1", "ClusterRole")] = RbacV1.ClusterRole,
        [("rbac.authorization.k8s.io/v1", "RoleBinding")] = RbacV1.RoleBinding,
        [("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")] = RbacV1.ClusterRoleBinding,
        [("policy/v1", "PodDisruptionBudget")] = PolicyV1.PodDisruptionBudget,
        [("policy/v1", "Eviction")] = PolicyV1.Eviction,
        [("networking.k8s.io/v1", "Ingress")] = NetworkingV1.Ingress,
        [("scheduling.k8s.io/v1", "PriorityClass")] = SchedulingV1.PriorityClass,
        [("authentication.k8s.io/v1", "TokenRequest")] = AuthenticationV1.TokenRequest,
    }.ToFrozenDictionary();

    public static IEnumerable<(string ApiVersion, string Kind)> All => Kinds.Keys;

    public static MessageSchema? Find(string apiVersion, string kind) => Kinds.GetValueOrDefault((apiVersion, kind));
}
