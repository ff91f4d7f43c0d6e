using static VmAddon.DevCluster.Protobuf.Schemas.Fields;

namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>Messages of k8s.io/apimachinery/pkg/apis/meta/v1 that objects embed.</summary>
internal static class MetaV1
{
    public static readonly MessageSchema OwnerReference = new(
        "meta.v1.OwnerReference",
        StrAlways(5, "apiVersion"),
        StrAlways(1, "kind"),
        StrAlways(3, "name"),
        StrAlways(4, "uid"),
        BoolPtr(6, "controller"),
        BoolPtr(7, "blockOwnerDeletion"));

    public static readonly MessageSchema ObjectMeta = new(
        "meta.v1.ObjectMeta",
        Str(1, "name"),
        Str(2, "generateName"),
        Str(3, "namespace"),
        Str(4, "selfLink"),
        Str(5, "uid"),
        Str(6, "resourceVersion"),
        Int64(7, "generation"),
        Time(8, "creationTimestamp"),
        TimePtr(9, "deletionTimestamp"),
        Int64Ptr(10, "deletionGracePeriodSeconds"),
        StringMap(11, "labels"),
        StringMap(12, "annotations"),
        List(13, "ownerReferences", OwnerReference),
        Strings(14, "finalizers"),
        Ignored(17, "managedFields"));

    public static readonly MessageSchema LabelSelectorRequirement = new(
        "meta.v1.LabelSelectorRequirement",
        StrAlways(1, "key"),
        StrAlways(2, "operator"),
        Strings(3, "values"));

    public static readonly MessageSchema LabelSelector = new(
        "meta.v1.LabelSelector",
        StringMap(1, "matchLabels"),
        List(2, "matchExpressions", LabelSelectorRequirement));

    public static readonly MessageSchema Condition = new(
        "meta.v1.Condition",
        StrAlways(1, "type"),
        StrAlways(2, "status"),
        Int64(3, "observedGeneration"),
        Time(4, "lastTransitionTime"),
        StrAlways(5, "reason"),
        StrAlways(6, "message"));

    public static readonly MessageSchema Preconditions = new(
        "meta.v1.Preconditions",
        StrPtr(1, "uid"),
        StrPtr(2, "resourceVersion"));

    public static readonly MessageSchema DeleteOptions = new(
        "meta.v1.DeleteOptions",
        Int64Ptr(1, "gracePeriodSeconds"),
        Ptr(2, "preconditions", Preconditions),
        BoolPtr(3, "orphanDependents"),
        StrPtr(4, "propagationPolicy"),
        Strings(5, "dryRun"),
        BoolPtr(6, "ignoreStoreReadErrorWithClusterBreakingPotential"));
}
