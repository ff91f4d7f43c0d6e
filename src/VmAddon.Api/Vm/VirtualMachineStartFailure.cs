using System.Text.Json.Serialization;

namespace VmAddon.Api;

/// <summary>The crash-loop backoff of a VM whose instance keeps failing to start.</summary>
public sealed record VirtualMachineStartFailure
{
    [JsonPropertyName("lastFailedVMIUID")]
    public string? LastFailedVmiUid { get; init; }

    public DateTime? RetryAfterTimestamp { get; init; }

    public int? ConsecutiveFailCount { get; init; }
}
