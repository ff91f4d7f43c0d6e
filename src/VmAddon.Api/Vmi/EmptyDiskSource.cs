using k8s.Models;
using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>A blank disk that lives as long as the instance.</summary>
public sealed record EmptyDiskSource
{
    [RequiredField, Doc("The disk's size, for example 2Gi.")]
    public ResourceQuantity Capacity { get; init; } = new("0");
}
