using k8s.Models;

namespace VmAddon.DevCluster.Nodes;

/// <summary>The kubelet's pod status, computed from its containers' runs: phase, the four conditions, container statuses and IPs.</summary>
public static class PodStatusCalculator
{
    public static V1PodStatus Compute(V1Pod pod, PodRuntimeView runtime, DateTimeOffset now)
    {
        var spec = pod.Spec;
        var old = pod.Status ?? new V1PodStatus();
        var initialized = runtime.InitContainers.All(c => c.State.IsTerminated && c.State.ExitCode == 0) || runtime.InitContainers.Count == 0;
        var containersReady = initialized && runtime.Containers.Count > 0 && runtime.Containers.All(c => c.State.IsRunning && c.Ready);
        var phase = Phase(spec, runtime, initialized);
        var terminal = phase is "Succeeded" or "Failed";
        var conditions = new List<V1PodCondition>
        {
            Condition(old, "PodReadyToStartContainers", runtime.SandboxReady, now),
            Condition(old, "Initialized", initialized, now, initialized ? null : "ContainersNotInitialized",
                initialized ? null : $"containers with incomplete status: [{string.Join(" ", runtime.InitContainers.Where(c => !(c.State.IsTerminated && c.State.ExitCode == 0)).Select(c => c.Name))}]"),
            Condition(old, "Ready", containersReady && !terminal, now, containersReady && !terminal ? null : terminal ? "PodCompleted" : "ContainersNotReady",
                containersReady || terminal ? null : NotReadyMessage(runtime)),
            Condition(old, "ContainersReady", containersReady && !terminal, now, containersReady && !terminal ? null : terminal ? "PodCompleted" : "ContainersNotReady",
                containersReady || terminal ? null : NotReadyMessage(runtime)),
            Condition(old, "PodScheduled", true, now),
        };

        return new V1PodStatus
        {
            Phase = phase,
            Conditions = conditions,
            HostIP = runtime.HostIp,
            HostIPs = runtime.HostIp is null ? null : [new V1HostIP { Ip = runtime.HostIp }],
            PodIP = runtime.PodIp,
            PodIPs = runtime.PodIp is null ? null : [new V1PodIP { Ip = runtime.PodIp }],
            StartTime = old.StartTime ?? now.UtcDateTime,
            QosClass = old.QosClass,
            InitContainerStatuses = runtime.InitContainers.Count == 0 ? null : [.. runtime.InitContainers.Select(Status)],
            ContainerStatuses = [.. runtime.Containers.Select(Status)],
        };
    }

    // The kubelet's getPhase: Pending until every init container succeeded and every container ran once; terminal only without restarts to come.
    private static string Phase(V1PodSpec spec, PodRuntimeView runtime, bool initialized)
    {
        var restartPolicy = spec.RestartPolicy ?? "Always";
        if (!initialized)
        {
            var failedInit = runtime.InitContainers.Any(c => c.State.IsTerminated && c.State.ExitCode != 0);
            return failedInit && restartPolicy == "Never" ? "Failed" : "Pending";
        }

        var containers = runtime.Containers;
        if (containers.Any(c => c.State.IsWaiting && c.LastTermination is null))
        {
            return "Pending";
        }

        if (containers.Any(c => c.State.IsRunning) || restartPolicy == "Always")
        {
            return containers.Any(c => c.State.IsRunning || c.LastTermination is not null) ? "Running" : "Pending";
        }

        var finished = containers.Select(c => c.State.IsTerminated ? c.State : c.LastTermination).ToList();
        if (finished.All(s => s is { IsTerminated: true, ExitCode: 0 }))
        {
            return "Succeeded";
        }

        // OnFailure restarts a failed container, so the pod is still running; Never ends it.
        return restartPolicy == "OnFailure" ? "Running" : "Failed";
    }

    private static string NotReadyMessage(PodRuntimeView runtime) =>
        $"containers with unready status: [{string.Join(" ", runtime.Containers.Where(c => !(c.State.IsRunning && c.Ready)).Select(c => c.Name))}]";

    private static V1PodCondition Condition(V1PodStatus old, string type, bool value, DateTimeOffset now, string? reason = null, string? message = null)
    {
        var status = value ? "True" : "False";
        var previous = old.Conditions?.FirstOrDefault(c => c.Type == type);
        return new V1PodCondition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastTransitionTime = previous?.Status == status && previous.LastTransitionTime is not null ? previous.LastTransitionTime : now.UtcDateTime,
        };
    }

    private static V1ContainerStatus Status(ContainerRun run) => new()
    {
        Name = run.Name,
        Image = run.Image,
        ImageID = "",
        Ready = run.State.IsRunning && run.Ready,
        Started = run.State.IsRunning && run.Started,
        RestartCount = run.RestartCount,
        State = State(run.State),
        LastState = run.LastTermination is { } last ? State(last) : new V1ContainerState(),
    };

    private static V1ContainerState State(ContainerState state) => state.Kind switch
    {
        ContainerState.RunningKind => new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = state.StartedAt?.UtcDateTime } },
        ContainerState.TerminatedKind => new V1ContainerState
        {
            Terminated = new V1ContainerStateTerminated
            {
                ExitCode = state.ExitCode ?? 0,
                Reason = state.Reason,
                Message = state.Message,
                StartedAt = state.StartedAt?.UtcDateTime,
                FinishedAt = state.FinishedAt?.UtcDateTime,
            },
        },
        _ => new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = state.Reason, Message = state.Message } },
    };
}

/// <summary>The runtime's view of one pod, as the status calculator reads it.</summary>
public sealed record PodRuntimeView(IReadOnlyList<ContainerRun> InitContainers, IReadOnlyList<ContainerRun> Containers, string? PodIp, string? HostIp, bool SandboxReady);
