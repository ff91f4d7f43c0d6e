using k8s.Models;
using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>The guest's memory.</summary>
public sealed record Memory
{
    [Doc("Memory the guest sees, for example 128Mi or 1Gi.")]
    public ResourceQuantity? Guest { get; init; }
}
