using static VmAddon.DevCluster.Protobuf.Schemas.Fields;

namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>core/v1 kinds that kubectl's generators create, other than pods (<see cref="CoreV1Pods"/>).</summary>
internal static class CoreV1
{
    public static readonly MessageSchema LocalObjectReference = new(
        "core.v1.LocalObjectReference",
        Str(1, "name"));

    public static readonly MessageSchema ObjectReference = new(
        "core.v1.ObjectReference",
        Str(1, "kind"),
        Str(2, "namespace"),
        Str(3, "name"),
        Str(4, "uid"),
        Str(5, "apiVersion"),
        Str(6, "resourceVersion"),
        Str(7, "fieldPath"));

    public static readonly MessageSchema TypedLocalObjectReference = new(
        "core.v1.TypedLocalObjectReference",
        StrPtr(1, "apiGroup"),
        StrAlways(2, "kind"),
        StrAlways(3, "name"));

    public static readonly MessageSchema ConfigMap = new(
        "core.v1.ConfigMap",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        BoolPtr(4, "immutable"),
        StringMap(2, "data"),
        BytesMap(3, "binaryData"));

    public static readonly MessageSchema Secret = new(
        "core.v1.Secret",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        BoolPtr(5, "immutable"),
        BytesMap(2, "data"),
        StringMap(4, "stringData"),
        Str(3, "type"));

    public static readonly MessageSchema NamespaceSpec = new(
        "core.v1.NamespaceSpec",
        Strings(1, "finalizers"));

    public static readonly MessageSchema NamespaceCondition = new(
        "core.v1.NamespaceCondition",
        StrAlways(1, "type"),
        StrAlways(2, "status"),
        Time(4, "lastTransitionTime"),
        Str(5, "reason"),
        Str(6, "message"));

    public static readonly MessageSchema NamespaceStatus = new(
        "core.v1.NamespaceStatus",
        Str(1, "phase"),
        List(2, "conditions", NamespaceCondition));

    public static readonly MessageSchema Namespace = new(
        "core.v1.Namespace",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", NamespaceSpec),
        Struct(3, "status", NamespaceStatus));

    public static readonly MessageSchema ServiceAccount = new(
        "core.v1.ServiceAccount",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        List(2, "secrets", ObjectReference),
        List(3, "imagePullSecrets", LocalObjectReference),
        BoolPtr(4, "automountServiceAccountToken"));

    public static readonly MessageSchema ServicePort = new(
        "core.v1.ServicePort",
        Str(1, "name"),
        Str(2, "protocol"),
        StrPtr(6, "appProtocol"),
        Int32Always(3, "port"),
        IntOrString(4, "targetPort"),
        Int32(5, "nodePort"));

    public static readonly MessageSchema ClientIPConfig = new(
        "core.v1.ClientIPConfig",
        Int32Ptr(1, "timeoutSeconds"));

    public static readonly MessageSchema SessionAffinityConfig = new(
        "core.v1.SessionAffinityConfig",
        Ptr(1, "clientIP", ClientIPConfig));

    public static readonly MessageSchema ServiceSpec = new(
        "core.v1.ServiceSpec",
        List(1, "ports", ServicePort),
        StringMap(2, "selector"),
        Str(3, "clusterIP"),
        Strings(18, "clusterIPs"),
        Str(4, "type"),
        Strings(5, "externalIPs"),
        Str(7, "sessionAffinity"),
        Str(8, "loadBalancerIP"),
        Strings(9, "loadBalancerSourceRanges"),
        Str(10, "externalName"),
        Str(11, "externalTrafficPolicy"),
        Int32(12, "healthCheckNodePort"),
        Bool(13, "publishNotReadyAddresses"),
        Ptr(14, "sessionAffinityConfig", SessionAffinityConfig),
        Strings(19, "ipFamilies"),
        StrPtr(17, "ipFamilyPolicy"),
        BoolPtr(20, "allocateLoadBalancerNodePorts"),
        StrPtr(21, "loadBalancerClass"),
        StrPtr(22, "internalTrafficPolicy"),
        StrPtr(23, "trafficDistribution"));

    public static readonly MessageSchema PortStatus = new(
        "core.v1.PortStatus",
        Int32Always(1, "port"),
        StrAlways(2, "protocol"),
        StrPtr(3, "error"));

    public static readonly MessageSchema LoadBalancerIngress = new(
        "core.v1.LoadBalancerIngress",
        Str(1, "ip"),
        Str(2, "hostname"),
        StrPtr(3, "ipMode"),
        List(4, "ports", PortStatus));

    public static readonly MessageSchema LoadBalancerStatus = new(
        "core.v1.LoadBalancerStatus",
        List(1, "ingress", LoadBalancerIngress));

    public static readonly MessageSchema ServiceStatus = new(
        "core.v1.ServiceStatus",
        Struct(1, "loadBalancer", LoadBalancerStatus),
        List(2, "conditions", MetaV1.Condition));

    public static readonly MessageSchema Service = new(
        "core.v1.Service",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", ServiceSpec),
        Struct(3, "status", ServiceStatus));

    public static readonly MessageSchema ScopedResourceSelectorRequirement = new(
        "core.v1.ScopedResourceSelectorRequirement",
        StrAlways(1, "scopeName"),
        StrAlways(2, "operator"),
        Strings(3, "values"));

    public static readonly MessageSchema ScopeSelector = new(
        "core.v1.ScopeSelector",
        List(1, "matchExpressions", ScopedResourceSelectorRequirement));

    public static readonly MessageSchema ResourceQuotaSpec = new(
        "core.v1.ResourceQuotaSpec",
        QuantityMap(1, "hard"),
        Strings(2, "scopes"),
        Ptr(3, "scopeSelector", ScopeSelector));

    public static readonly MessageSchema ResourceQuotaStatus = new(
        "core.v1.ResourceQuotaStatus",
        QuantityMap(1, "hard"),
        QuantityMap(2, "used"));

    public static readonly MessageSchema ResourceQuota = new(
        "core.v1.ResourceQuota",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", ResourceQuotaSpec),
        Struct(3, "status", ResourceQuotaStatus));
}
