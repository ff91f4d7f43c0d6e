using System.Text.Json.Serialization;
using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>A port forwarded from the launcher Pod to the guest.</summary>
public sealed record Port
{
    [Doc("An optional name for the port.")]
    public string? Name { get; init; }

    [Doc("TCP or UDP. Defaults to TCP.")]
    [EnumValues("TCP", "UDP")]
    public string? Protocol { get; init; }

    [JsonPropertyName("port"), RequiredField, Bounds(1, 65535), Doc("The port number.")]
    public int Number { get; init; }
}
