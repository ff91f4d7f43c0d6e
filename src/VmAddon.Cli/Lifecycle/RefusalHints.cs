using VmAddon.Core.Lifecycle;

namespace VmAddon.Cli.Lifecycle;

/// <summary>What to do next after KubeVirt's refusal of a lifecycle request: the refusal says why, the hint says how.</summary>
internal static class RefusalHints
{
    public static string For(LifecycleRequest request, string reason)
    {
        var name = request.Name;
        var hint = reason switch
        {
            VmLifecycle.AlreadyRunning => $"to restart it: kubectl vm restart {name}",
            VmLifecycle.NotRunning when request.Verb == "stop" => $"nothing to stop; to start it: kubectl vm start {name}",
            VmLifecycle.NotRunning or InstancePause.NotRunning => $"start it first: kubectl vm start {name}, then kubectl vm wait {name} --for Running",
            "VMI is already paused" => $"to resume it: kubectl vm unpause vm {name}",
            "VMI is not paused" => $"to pause it: kubectl vm pause vm {name}",
            _ when reason.EndsWith("does not support manual start requests", StringComparison.Ordinal) =>
                $"its runStrategy starts it on its own; follow it with kubectl vm wait {name} --for Running",
            _ when reason.EndsWith("does not support manual restart requests", StringComparison.Ordinal) => $"use kubectl vm stop {name}, then kubectl vm start {name}",
            _ when reason.EndsWith("with a shorter graceperiod", StringComparison.Ordinal) =>
                $"it is already stopping; to cut the wait short: kubectl vm stop {name} --force --grace-period 0",
            _ when reason.Contains("already underway", StringComparison.Ordinal) => $"wait for it: kubectl vm wait {name} --for Running (or Stopped)",
            _ when reason.Contains("starting VM from failed state", StringComparison.Ordinal) => $"kubectl vm restart {name} starts it again",
            _ => null,
        };
        return hint is null ? "" : $" ({hint})";
    }
}
