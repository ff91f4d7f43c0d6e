using System.Text.Json.Serialization;

namespace VmAddon.Api;

/// <summary>When an instance or migration entered a phase.</summary>
public sealed record PhaseTransitionTimestamp
{
    public string? Phase { get; init; }

    [JsonPropertyName("phaseTransitionTimestamp")]
    public DateTime? Timestamp { get; init; }
}
