using k8s.Models;

namespace VmAddon.DevCluster.Tests.Scheduling;

/// <summary>Nodes and pods for the scheduler's and the node lifecycle controller's tests, written as a kubelet and a user would.</summary>
internal static class SchedulingObjects
{
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static V1Node Node(
        string name,
        string cpu = "4",
        string memory = "8Gi",
        string pods = "110",
        string ready = "True",
        IDictionary<string, string>? labels = null,
        IList<V1Taint>? taints = null,
        bool cordoned = false)
    {
        var allocatable = new Dictionary<string, ResourceQuantity>
        {
            ["cpu"] = new(cpu),
            ["memory"] = new(memory),
            ["pods"] = new(pods),
        };
        var nodeLabels = new Dictionary<string, string> { ["kubernetes.io/hostname"] = name, ["kubernetes.io/os"] = "linux" };
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            nodeLabels[key] = value;
        }

        return new V1Node
        {
            ApiVersion = "v1",
            Kind = "Node",
            Metadata = new V1ObjectMeta { Name = name, Labels = nodeLabels, CreationTimestamp = Start.UtcDateTime },
            Spec = new V1NodeSpec { Taints = taints, Unschedulable = cordoned ? true : null },
            Status = new V1NodeStatus
            {
                Capacity = new Dictionary<string, ResourceQuantity>(allocatable),
                Allocatable = allocatable,
                Conditions = ready is "" ? null : [Condition("Ready", ready, ready == "True" ? "KubeletReady" : "KubeletNotReady")],
            },
        };
    }

    public static V1NodeCondition Condition(string type, string status, string reason, DateTimeOffset? heartbeat = null) => new()
    {
        Type = type,
        Status = status,
        Reason = reason,
        Message = $"{type} is {status}",
        LastHeartbeatTime = (heartbeat ?? Start).UtcDateTime,
        LastTransitionTime = Start.UtcDateTime,
    };

    public static V1Pod Pod(
        string name,
        string? cpu = null,
        string? memory = null,
        string? node = null,
        IDictionary<string, string>? nodeSelector = null,
        IList<V1Toleration>? tolerations = null,
        V1Affinity? affinity = null,
        string? phase = null,
        string ns = "default")
    {
        var requests = new Dictionary<string, ResourceQuantity>();
        if (cpu is not null)
        {
            requests["cpu"] = new ResourceQuantity(cpu);
        }

        if (memory is not null)
        {
            requests["memory"] = new ResourceQuantity(memory);
        }

        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = $"uid-{name}", CreationTimestamp = Start.UtcDateTime },
            Spec = new V1PodSpec
            {
                NodeName = node,
                NodeSelector = nodeSelector,
                Tolerations = tolerations,
                Affinity = affinity,
                Containers = [new V1Container { Name = "main", Image = "vmaddon.dev/host", Resources = new V1ResourceRequirements { Requests = requests } }],
            },
            Status = new V1PodStatus { Phase = phase ?? (node is null ? "Pending" : "Running") },
        };
    }

    public static V1Taint Taint(string key, string effect, string? value = null, DateTimeOffset? added = null) =>
        new() { Key = key, Value = value, Effect = effect, TimeAdded = added?.UtcDateTime };

    public static V1Toleration Tolerate(string? key, string? effect = null, string? op = "Exists", string? value = null, long? seconds = null) =>
        new() { Key = key, Effect = effect, OperatorProperty = op, Value = value, TolerationSeconds = seconds };

    public static V1Affinity Requires(params V1NodeSelectorTerm[] terms) => new()
    {
        NodeAffinity = new V1NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector { NodeSelectorTerms = terms } },
    };

    public static V1NodeSelectorTerm Labels(params V1NodeSelectorRequirement[] requirements) => new() { MatchExpressions = requirements };

    public static V1NodeSelectorTerm Fields(params V1NodeSelectorRequirement[] requirements) => new() { MatchFields = requirements };

    public static V1NodeSelectorRequirement Requirement(string key, string op, params string[] values) => new() { Key = key, OperatorProperty = op, Values = values };
}
