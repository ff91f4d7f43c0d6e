using System.Text.Json.Serialization;
using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>The pod network as seen by a guest behind masquerade.</summary>
public sealed record PodNetwork
{
    [Doc("The guest-side IPv4 network of masquerade. Only the default, 10.0.2.0/24, is supported.")]
    [JsonPropertyName("vmNetworkCIDR")]
    public string? VmNetworkCidr { get; init; }
}
