using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>A status condition, shaped as KubeVirt's VM and VMI conditions.</summary>
public sealed record Condition
{
    [RequiredField, Doc("The condition's type, for example Ready or Failure.")]
    public string Type { get; init; } = "";

    [RequiredField, EnumValues("True", "False", "Unknown")]
    public string Status { get; init; } = "";

    public DateTime? LastProbeTime { get; init; }

    public DateTime? LastTransitionTime { get; init; }

    [Doc("A CamelCase word that says why the condition has this status.")]
    public string? Reason { get; init; }

    [Doc("A sentence for humans with the details.")]
    public string? Message { get; init; }
}
