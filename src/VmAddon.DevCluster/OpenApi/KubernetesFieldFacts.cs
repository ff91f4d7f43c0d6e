using System.Text.Json.Nodes;
using k8s.Models;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>
/// What Kubernetes' Go types say about fields and KubernetesClient's models do not: patch strategies and merge keys
/// (kubectl apply computes strategic merge patches from them), list types, and required fields of reference type.
/// </summary>
/// <remarks>
/// Patch tags are those of the k8s.io/api struct tags kubectl 1.32 is built with. A required field of value type
/// (V1ContainerPort.ContainerPort is <c>int</c>, not <c>int?</c>) needs no entry: the generated models make exactly
/// those non-nullable.
/// </remarks>
internal static class KubernetesFieldFacts
{
    private static readonly Dictionary<(Type Type, string Field), ListField> _lists = Lists();

    private static readonly Dictionary<Type, string[]> _required = new()
    {
        [typeof(V1Binding)] = ["target"],
        [typeof(V1ConfigMapKeySelector)] = ["key"],
        [typeof(V1Container)] = ["name"],
        [typeof(V1ContainerResizePolicy)] = ["resourceName", "restartPolicy"],
        [typeof(V1ContainerStatus)] = ["image", "imageID", "name"],
        [typeof(V1CustomResourceColumnDefinition)] = ["jsonPath", "name", "type"],
        [typeof(V1CustomResourceDefinition)] = ["spec"],
        [typeof(V1CustomResourceDefinitionCondition)] = ["status", "type"],
        [typeof(V1CustomResourceDefinitionNames)] = ["kind", "plural"],
        [typeof(V1CustomResourceDefinitionSpec)] = ["group", "names", "scope", "versions"],
        [typeof(V1CustomResourceDefinitionVersion)] = ["name"],
        [typeof(V1Condition)] = ["message", "reason", "status", "type"],
        [typeof(V1DownwardAPIVolumeFile)] = ["path"],
        [typeof(V1EndpointAddress)] = ["ip"],
        [typeof(V1EnvVar)] = ["name"],
        [typeof(V1EphemeralContainer)] = ["name"],
        [typeof(V1HostAlias)] = ["ip"],
        [typeof(V1HostIP)] = ["ip"],
        [typeof(V1HostPathVolumeSource)] = ["path"],
        [typeof(V1HTTPGetAction)] = ["port"],
        [typeof(V1HTTPHeader)] = ["name", "value"],
        [typeof(V1KeyToPath)] = ["key", "path"],
        [typeof(V1LabelSelectorRequirement)] = ["key", "operator"],
        [typeof(V1NamespaceCondition)] = ["status", "type"],
        [typeof(V1NodeAddress)] = ["address", "type"],
        [typeof(V1NodeCondition)] = ["status", "type"],
        [typeof(V1NodeSelector)] = ["nodeSelectorTerms"],
        [typeof(V1NodeSelectorRequirement)] = ["key", "operator"],
        [typeof(V1ObjectFieldSelector)] = ["fieldPath"],
        [typeof(V1OwnerReference)] = ["apiVersion", "kind", "name", "uid"],
        [typeof(V1PersistentVolumeClaimVolumeSource)] = ["claimName"],
        [typeof(V1PodAffinityTerm)] = ["topologyKey"],
        [typeof(V1PodCondition)] = ["status", "type"],
        [typeof(V1PodIP)] = ["ip"],
        [typeof(V1PodReadinessGate)] = ["conditionType"],
        [typeof(V1PodResourceClaim)] = ["name"],
        [typeof(V1PodSchedulingGate)] = ["name"],
        [typeof(V1PodSpec)] = ["containers"],
        [typeof(V1PreferredSchedulingTerm)] = ["preference"],
        [typeof(V1ResourceFieldSelector)] = ["resource"],
        [typeof(V1SecretKeySelector)] = ["key"],
        [typeof(V1ServiceAccountTokenProjection)] = ["path"],
        [typeof(V1Sysctl)] = ["name", "value"],
        [typeof(V1Taint)] = ["effect", "key"],
        [typeof(V1TCPSocketAction)] = ["port"],
        [typeof(V1TopologySpreadConstraint)] = ["topologyKey", "whenUnsatisfiable"],
        [typeof(V1Volume)] = ["name"],
        [typeof(V1VolumeDevice)] = ["devicePath", "name"],
        [typeof(V1VolumeMount)] = ["mountPath", "name"],
        [typeof(V1WeightedPodAffinityTerm)] = ["podAffinityTerm"],
        [typeof(Corev1EndpointPort)] = ["port"],
        [typeof(Corev1Event)] = ["involvedObject", "metadata"],
        [typeof(Corev1ResourceClaim)] = ["name"],
        [typeof(Eventsv1Event)] = ["eventTime"],
    };

    /// <summary>The required fields of reference type that the model cannot express.</summary>
    public static IReadOnlyList<string> RequiredOf(Type model) => _required.GetValueOrDefault(model, []);

    /// <summary>Adds the x-kubernetes-patch-* and x-kubernetes-list-* extensions of a field, if Kubernetes has any.</summary>
    public static void AddListExtensions(Type model, string field, JsonObject schema)
    {
        if (!_lists.TryGetValue((model, field), out var facts))
        {
            return;
        }

        if (facts.ListType is not null)
        {
            schema["x-kubernetes-list-type"] = facts.ListType;
        }

        if (facts.MapKeys.Length > 0)
        {
            schema["x-kubernetes-list-map-keys"] = new JsonArray([.. facts.MapKeys.Select(k => (JsonNode)k)]);
        }

        if (facts.MergeKey is not null)
        {
            schema["x-kubernetes-patch-merge-key"] = facts.MergeKey;
        }

        if (facts.PatchStrategy is not null)
        {
            schema["x-kubernetes-patch-strategy"] = facts.PatchStrategy;
        }
    }

    private static Dictionary<(Type Type, string Field), ListField> Lists()
    {
        var byName = ListField.Merge("name");
        var lists = new Dictionary<(Type, string), ListField>
        {
            [(typeof(V1ObjectMeta), "ownerReferences")] = ListField.Merge("uid") with { ListType = "map", MapKeys = ["uid"] },
            [(typeof(V1ObjectMeta), "finalizers")] = new("merge", null, "set", []),
            [(typeof(V1PodSpec), "containers")] = byName,
            [(typeof(V1PodSpec), "initContainers")] = byName,
            [(typeof(V1PodSpec), "ephemeralContainers")] = byName,
            [(typeof(V1PodSpec), "volumes")] = byName with { PatchStrategy = "merge,retainKeys" },
            [(typeof(V1PodSpec), "imagePullSecrets")] = byName,
            [(typeof(V1PodSpec), "hostAliases")] = ListField.Merge("ip"),
            [(typeof(V1PodSpec), "topologySpreadConstraints")] = ListField.Merge("topologyKey"),
            [(typeof(V1PodSpec), "schedulingGates")] = byName,
            [(typeof(V1PodSpec), "resourceClaims")] = byName with { PatchStrategy = "merge,retainKeys" },
            [(typeof(V1PodSpec), "tolerations")] = new(null, null, "atomic", []),
            [(typeof(V1PodStatus), "conditions")] = ListField.Merge("type"),
            [(typeof(V1PodStatus), "podIPs")] = ListField.Merge("ip"),
            [(typeof(V1PodStatus), "hostIPs")] = ListField.Merge("ip"),
            [(typeof(V1PodStatus), "resourceClaimStatuses")] = byName with { PatchStrategy = "merge,retainKeys" },
            [(typeof(V1ContainerStatus), "allocatedResourcesStatus")] = byName,
            [(typeof(V1NodeSpec), "podCIDRs")] = new("merge", null, "set", []),
            [(typeof(V1NodeStatus), "conditions")] = ListField.Merge("type"),
            [(typeof(V1NodeStatus), "addresses")] = ListField.Merge("type"),
            [(typeof(V1NamespaceStatus), "conditions")] = ListField.Merge("type"),
            [(typeof(V1ServiceSpec), "ports")] = ListField.Merge("port") with { ListType = "map", MapKeys = ["port", "protocol"] },
            [(typeof(V1ServiceStatus), "conditions")] = ListField.Merge("type") with { ListType = "map", MapKeys = ["type"] },
            [(typeof(V1ServiceAccount), "secrets")] = byName,
            [(typeof(V1CustomResourceDefinitionStatus), "conditions")] = new(null, null, "map", ["type"]),
        };

        foreach (var container in new[] { typeof(V1Container), typeof(V1EphemeralContainer) })
        {
            lists[(container, "env")] = byName;
            lists[(container, "ports")] = ListField.Merge("containerPort") with { ListType = "map", MapKeys = ["containerPort", "protocol"] };
            lists[(container, "volumeMounts")] = ListField.Merge("mountPath");
            lists[(container, "volumeDevices")] = ListField.Merge("devicePath");
        }

        return lists;
    }

    private sealed record ListField(string? PatchStrategy, string? MergeKey, string? ListType, string[] MapKeys)
    {
        public static ListField Merge(string key) => new("merge", key, null, []);
    }
}
