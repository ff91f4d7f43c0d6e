using static VmAddon.DevCluster.Protobuf.Schemas.Fields;

namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>scheduling.k8s.io/v1 PriorityClass, which <c>kubectl create priorityclass</c> sends.</summary>
internal static class SchedulingV1
{
    public static readonly MessageSchema PriorityClass = new(
        "scheduling.v1.PriorityClass",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Int32Always(2, "value"),
        Bool(3, "globalDefault"),
        Str(4, "description"),
        StrPtr(5, "preemptionPolicy"));
}
