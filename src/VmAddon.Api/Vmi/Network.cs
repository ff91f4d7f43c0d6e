using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>A network an interface can join; only the pod network is offered.</summary>
public sealed record Network
{
    [RequiredField, Doc("The network's name; interfaces refer to it.")]
    [Pattern(NamePatterns.Dns1123Label)]
    public string Name { get; init; } = "";

    [Doc("The pod's own network.")]
    public PodNetwork? Pod { get; init; }
}
