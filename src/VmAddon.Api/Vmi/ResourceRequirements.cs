using k8s.Models;
using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>Compute resources of the guest; they shape the launcher Pod's requests and limits.</summary>
public sealed record ResourceRequirements
{
    [Doc("Minimum resources, for example memory: 128Mi and cpu: 500m.")]
    public IDictionary<string, ResourceQuantity>? Requests { get; init; }

    [Doc("Maximum resources.")]
    public IDictionary<string, ResourceQuantity>? Limits { get; init; }

    [Doc("Do not add the launcher's own overhead to the memory request.")]
    public bool? OvercommitGuestOverhead { get; init; }
}
