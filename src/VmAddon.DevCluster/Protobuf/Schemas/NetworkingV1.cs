using static VmAddon.DevCluster.Protobuf.Schemas.Fields;

namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>networking.k8s.io/v1 Ingress, which <c>kubectl create ingress</c> sends.</summary>
internal static class NetworkingV1
{
    public static readonly MessageSchema ServiceBackendPort = new(
        "networking.v1.ServiceBackendPort",
        Str(1, "name"),
        Int32(2, "number"));

    public static readonly MessageSchema IngressServiceBackend = new(
        "networking.v1.IngressServiceBackend",
        StrAlways(1, "name"),
        Struct(2, "port", ServiceBackendPort));

    public static readonly MessageSchema IngressBackend = new(
        "networking.v1.IngressBackend",
        Ptr(4, "service", IngressServiceBackend),
        Ptr(3, "resource", CoreV1.TypedLocalObjectReference));

    public static readonly MessageSchema IngressTls = new(
        "networking.v1.IngressTLS",
        Strings(1, "hosts"),
        Str(2, "secretName"));

    public static readonly MessageSchema HttpIngressPath = new(
        "networking.v1.HTTPIngressPath",
        Str(1, "path"),
        StrPtr(3, "pathType"),
        Struct(2, "backend", IngressBackend));

    public static readonly MessageSchema HttpIngressRuleValue = new(
        "networking.v1.HTTPIngressRuleValue",
        ListAlways(1, "paths", HttpIngressPath));

    public static readonly MessageSchema IngressRuleValue = new(
        "networking.v1.IngressRuleValue",
        Ptr(1, "http", HttpIngressRuleValue));

    public static readonly MessageSchema IngressRule = new(
        "networking.v1.IngressRule",
        Str(1, "host"),
        Inline(2, IngressRuleValue));

    public static readonly MessageSchema IngressSpec = new(
        "networking.v1.IngressSpec",
        StrPtr(4, "ingressClassName"),
        Ptr(1, "defaultBackend", IngressBackend),
        List(2, "tls", IngressTls),
        List(3, "rules", IngressRule));

    public static readonly MessageSchema IngressPortStatus = new(
        "networking.v1.IngressPortStatus",
        Int32Always(1, "port"),
        StrAlways(2, "protocol"),
        StrPtr(3, "error"));

    public static readonly MessageSchema IngressLoadBalancerIngress = new(
        "networking.v1.IngressLoadBalancerIngress",
        Str(1, "ip"),
        Str(2, "hostname"),
        List(4, "ports", IngressPortStatus));

    public static readonly MessageSchema IngressLoadBalancerStatus = new(
        "networking.v1.IngressLoadBalancerStatus",
        List(1, "ingress", IngressLoadBalancerIngress));

    public static readonly MessageSchema IngressStatus = new(
        "networking.v1.IngressStatus",
        Struct(1, "loadBalancer", IngressLoadBalancerStatus));

    public static readonly MessageSchema Ingress = new(
        "networking.v1.Ingress",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", IngressSpec),
        Struct(3, "status", IngressStatus));
}
