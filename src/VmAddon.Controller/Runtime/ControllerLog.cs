using Microsoft.Extensions.Logging;

namespace VmAddon.Controller.Runtime;

/// <summary>The controllers' log lines, each with the object's namespace and name as structured fields.</summary>
internal static partial class ControllerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "created launcher pod {Pod} for VMI {Namespace}/{Vmi}")]
    public static partial void CreatedPod(ILogger log, string pod, string @namespace, string vmi);

    [LoggerMessage(Level = LogLevel.Information, Message = "deleted launcher pod {Pod} of VMI {Namespace}/{Vmi}")]
    public static partial void DeletedPod(ILogger log, string pod, string @namespace, string vmi);

    [LoggerMessage(Level = LogLevel.Information, Message = "released the finalizer of VMI {Namespace}/{Vmi}: its launcher pod is gone")]
    public static partial void Released(ILogger log, string @namespace, string vmi);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VMI {Namespace}/{Vmi} failed: {Reason}")]
    public static partial void InstanceFailed(ILogger log, string @namespace, string vmi, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "node {Node} is lost and the launcher of VMI {Namespace}/{Vmi} is gone: failed it")]
    public static partial void Fenced(ILogger log, string node, string @namespace, string vmi);

    [LoggerMessage(Level = LogLevel.Warning, Message = "node {Node}: the agent heartbeat is stale; labelled unschedulable")]
    public static partial void HeartbeatStale(ILogger log, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VM {Namespace}/{Vm} is invalid, not starting it: {Errors}")]
    public static partial void InvalidSpec(ILogger log, string @namespace, string vm, string errors);
}
