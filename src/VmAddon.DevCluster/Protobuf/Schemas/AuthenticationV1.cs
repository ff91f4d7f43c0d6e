using static VmAddon.DevCluster.Protobuf.Schemas.Fields;

namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>authentication.k8s.io/v1 TokenRequest, which <c>kubectl create token</c> posts to serviceaccounts/NAME/token.</summary>
internal static class AuthenticationV1
{
    public static readonly MessageSchema BoundObjectReference = new(
        "authentication.v1.BoundObjectReference",
        Str(1, "kind"),
        Str(2, "apiVersion"),
        Str(3, "name"),
        Str(4, "uid"));

    public static readonly MessageSchema TokenRequestSpec = new(
        "authentication.v1.TokenRequestSpec",
        StringsAlways(1, "audiences"),
        Int64Ptr(4, "expirationSeconds"),
        Ptr(3, "boundObjectRef", BoundObjectReference));

    public static readonly MessageSchema TokenRequestStatus = new(
        "authentication.v1.TokenRequestStatus",
        StrAlways(1, "token"),
        Time(2, "expirationTimestamp"));

    public static readonly MessageSchema TokenRequest = new(
        "authentication.v1.TokenRequest",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", TokenRequestSpec),
        Struct(3, "status", TokenRequestStatus));
}
