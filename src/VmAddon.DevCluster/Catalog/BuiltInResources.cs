using k8s.Models;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Catalog;

/// <summary>The built-in resources the dev API server serves, with kube-apiserver's names, verbs, subresources and selectable fields.</summary>
public static class BuiltInResources
{
    private static readonly ResourceType CoreEventsType = new("", "v1", "events", "Event", true)
    {
        SelectableFields = Fields("involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent",
            "source", "type"),
    };

    private static readonly IReadOnlyList<string> NoCollectionDelete = ["create", "delete", "get", "list", "patch", "update", "watch"];

    public static IReadOnlyList<ApiResource> All { get; } =
    [
        Core("namespaces", "Namespace", "namespace", namespaced: false, typeof(V1Namespace), ["ns"], hasStatus: true) with
        {
            Verbs = NoCollectionDelete,
            Type = new ResourceType("", "v1", "namespaces", "Namespace", false) { SelectableFields = Fields("status.phase") },
            OtherSubresources = new Dictionary<string, IReadOnlyList<string>> { ["finalize"] = ["update"] },
        },
        Core("pods", "Pod", "pod", namespaced: true, typeof(V1Pod), ["po"], hasStatus: true, all: true) with
        {
            ReturnsDeletedObject = true,
            Type = new ResourceType("", "v1", "pods", "Pod", true)
            {
                SelectableFields = Fields("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                    "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"),
            },
            OtherSubresources = new Dictionary<string, IReadOnlyList<string>>
            {
                ["binding"] = ["create"],
                ["eviction"] = ["create"],
                ["exec"] = ["create", "get"],
                ["log"] = ["get"],
            },
        },
        Core("nodes", "Node", "node", namespaced: false, typeof(V1Node), ["no"], hasStatus: true) with
        {
            Type = new ResourceType("", "v1", "nodes", "Node", false) { SelectableFields = Fields("spec.unschedulable") },
        },
        Core("events", "Event", "event", namespaced: true, typeof(Corev1Event), ["ev"]) with { Type = CoreEventsType },
        Core("services", "Service", "service", namespaced: true, typeof(V1Service), ["svc"], hasStatus: true, all: true) with { ReturnsDeletedObject = true },
        Core("endpoints", "Endpoints", "endpoints", namespaced: true, typeof(V1Endpoints), ["ep"]),
        Core("configmaps", "ConfigMap", "configmap", namespaced: true, typeof(V1ConfigMap), ["cm"]),
        Core("secrets", "Secret", "secret", namespaced: true, typeof(V1Secret), []) with
        {
            Type = new ResourceType("", "v1", "secrets", "Secret", true) { SelectableFields = Fields("type") },
        },
        Core("serviceaccounts", "ServiceAccount", "serviceaccount", namespaced: true, typeof(V1ServiceAccount), ["sa"]) with { ReturnsDeletedObject = true },
        new ApiResource
        {
            Type = new ResourceType("events.k8s.io", "v1", "events", "Event", true)
            {
                SelectableFields = Fields("regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "regarding.apiVersion",
                    "regarding.resourceVersion", "regarding.fieldPath", "reason", "reportingController", "type"),
            },
            Singular = "event",
            ShortNames = ["ev"],
            ModelType = typeof(Eventsv1Event),
            Storage = CoreEventsType,
            Conversion = new Events.EventsV1Storage(),
        },
        new ApiResource
        {
            Type = new ResourceType("coordination.k8s.io", "v1", "leases", "Lease", true),
            Singular = "lease",
            ModelType = typeof(V1Lease),
        },
        new ApiResource
        {
            Type = new ResourceType("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false),
            Singular = "customresourcedefinition",
            ShortNames = ["crd", "crds"],
            Categories = ["api-extensions"],
            HasStatus = true,
            ModelType = typeof(V1CustomResourceDefinition),
        },
    ];

    public static ApiResource Namespaces => All[0];

    public static ApiResource Pods => All[1];

    public static ApiResource Nodes => All[2];

    public static ApiResource CoreEvents => All[3];

    public static ApiResource EventsV1 => All[9];

    public static ApiResource CustomResourceDefinitions => All[11];

    private static ApiResource Core(string plural, string kind, string singular, bool namespaced, Type model, IReadOnlyList<string> shortNames,
        bool hasStatus = false, bool all = false) => new()
        {
            Type = new ResourceType("", "v1", plural, kind, namespaced),
            Singular = singular,
            ShortNames = shortNames,
            Categories = all ? ["all"] : [],
            HasStatus = hasStatus,
            ModelType = model,
        };

    private static HashSet<string> Fields(params string[] fields) => new(fields, StringComparer.Ordinal);
}
