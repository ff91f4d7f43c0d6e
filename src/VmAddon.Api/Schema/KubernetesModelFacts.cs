using k8s.Models;

namespace VmAddon.Api.Schema;

/// <summary>
/// Schema facts about the embedded KubernetesClient models that their C# types do not carry:
/// which properties the Kubernetes OpenAPI marks as required.
/// </summary>
internal static class KubernetesModelFacts
{
    // Taken from the Kubernetes OpenAPI (core/v1 and meta/v1); the generated C# models
    // do not mark required properties, so without this table a CRD would accept,
    // for example, a node selector requirement without a key that the scheduler later rejects.
    private static readonly Dictionary<Type, string[]> _required = new()
    {
        [typeof(V1NodeSelector)] = ["nodeSelectorTerms"],
        [typeof(V1NodeSelectorRequirement)] = ["key", "operator"],
        [typeof(V1LabelSelectorRequirement)] = ["key", "operator"],
        [typeof(V1PodAffinityTerm)] = ["topologyKey"],
        [typeof(V1WeightedPodAffinityTerm)] = ["podAffinityTerm", "weight"],
        [typeof(V1PreferredSchedulingTerm)] = ["preference", "weight"],
    };

    public static IReadOnlyList<string> RequiredOf(Type type) =>
        _required.TryGetValue(type, out var required) ? required : [];

    public static bool IsKubernetesModel(Type type) => type.Namespace == "k8s.Models";
}
