using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>A request to start or stop a VM, queued in its status as KubeVirt's virt-api writes it; the VM controller removes each once satisfied.</summary>
public sealed record VirtualMachineStateChangeRequest
{
    [Doc("Start or Stop.")]
    [EnumValues(StateChangeAction.Start, StateChangeAction.Stop)]
    public string? Action { get; init; }

    [Doc("Extra data for the request: paused=\"true\" on a Start starts the instance paused.")]
    public IDictionary<string, string>? Data { get; init; }

    [Doc("The uid of the instance a Stop is meant for.")]
    public string? Uid { get; init; }
}

/// <summary>The values of <see cref="VirtualMachineStateChangeRequest.Action"/>.</summary>
public static class StateChangeAction
{
    public const string Start = "Start";
    public const string Stop = "Stop";
}

/// <summary>The keys and values of a Start request's <see cref="VirtualMachineStateChangeRequest.Data"/> (KubeVirt: StartRequestDataPausedKey).</summary>
public static class StartRequestData
{
    /// <summary>The key whose value <see cref="PausedTrue"/> asks for the instance to start paused.</summary>
    public const string PausedKey = "paused";

    public const string PausedTrue = "true";
}
