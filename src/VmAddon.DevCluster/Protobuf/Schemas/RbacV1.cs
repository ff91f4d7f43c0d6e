using static VmAddon.DevCluster.Protobuf.Schemas.Fields;

namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>rbac.authorization.k8s.io/v1 roles and bindings, which <c>kubectl create role|clusterrole|rolebinding|clusterrolebinding</c> send.</summary>
internal static class RbacV1
{
    public static readonly MessageSchema PolicyRule = new(
        "rbac.v1.PolicyRule",
        StringsAlways(1, "verbs"),
        Strings(2, "apiGroups"),
        Strings(3, "resources"),
        Strings(4, "resourceNames"),
        Strings(5, "nonResourceURLs"));

    public static readonly MessageSchema AggregationRule = new(
        "rbac.v1.AggregationRule",
        List(1, "clusterRoleSelectors", MetaV1.LabelSelector));

    public static readonly MessageSchema Role = new(
        "rbac.v1.Role",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        ListAlways(2, "rules", PolicyRule));

    public static readonly MessageSchema ClusterRole = new(
        "rbac.v1.ClusterRole",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        ListAlways(2, "rules", PolicyRule),
        Ptr(3, "aggregationRule", AggregationRule));

    public static readonly MessageSchema Subject = new(
        "rbac.v1.Subject",
        StrAlways(1, "kind"),
        Str(2, "apiGroup"),
        StrAlways(3, "name"),
        Str(4, "namespace"));

    public static readonly MessageSchema RoleRef = new(
        "rbac.v1.RoleRef",
        StrAlways(1, "apiGroup"),
        StrAlways(2, "kind"),
        StrAlways(3, "name"));

    public static readonly MessageSchema RoleBinding = new(
        "rbac.v1.RoleBinding",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        List(2, "subjects", Subject),
        Struct(3, "roleRef", RoleRef));

    public static readonly MessageSchema ClusterRoleBinding = new(
        "rbac.v1.ClusterRoleBinding",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        List(2, "subjects", Subject),
        Struct(3, "roleRef", RoleRef));
}
