using System.Globalization;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using VmAddon.DevCluster.Kubelet;
using VmAddon.DevCluster.Nodes.Host;

namespace VmAddon.DevCluster.Nodes;

/// <summary>
/// The kubelet's work for one pod on one node: images, volumes and network; init containers in order, then the
/// containers, restarted by the pod's restartPolicy with backoff; status after every change; and on deletion SIGTERM,
/// the grace period, SIGKILL, cleanup, and the final delete that removes the pod object.
/// </summary>
internal sealed class PodWorker : IAsyncDisposable
{
    private readonly NodeContext _node;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _deletionRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, ContainerRun> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContainerProcess> _processes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private V1Pod _pod;
    private PodNetwork? _network;
    private IReadOnlyDictionary<string, string> _volumes = new Dictionary<string, string>();
    private Task _run = Task.CompletedTask;

    public PodWorker(NodeContext node, V1Pod pod)
    {
        _node = node;
        _pod = pod;
        foreach (var container in (pod.Spec.InitContainers ?? []).Concat(pod.Spec.Containers))
        {
            _runs[container.Name] = new ContainerRun(container.Name, container.Image);
        }
    }

    public string Uid => _pod.Metadata.Uid;

    public V1Pod Pod => _pod;

    public string? PodIp => _network?.Ip ?? (_pod.Spec.HostNetwork == true ? _node.HostIp : null);

    /// <summary>An exec command as the container's image runs it (see <see cref="ImageTarget.Resolve"/>).</summary>
    public IReadOnlyList<string> ExecCommand(string container, IReadOnlyList<string> command)
    {
        var image = _pod.Spec.Containers.Concat(_pod.Spec.InitContainers ?? []).FirstOrDefault(c => c.Name == container)?.Image;
        return image is null || _node.Images.Resolve(image) is not { } target ? command : target.Resolve(command);
    }

    /// <summary>The running process of a container, for exec; null when it does not run.</summary>
    public ContainerProcess? Process(string container)
    {
        lock (_lock)
        {
            return _processes.GetValueOrDefault(container);
        }
    }

    public PodNetwork? Network => _network;

    /// <summary>The pod's kubelet-managed /etc/hosts (pods with their own network only).</summary>
    private string HostsFile => Path.Combine(_node.Paths.Pod(Uid), PodHostsFile.FileName);

    public int RestartCount(string container)
    {
        lock (_lock)
        {
            return _runs.TryGetValue(container, out var run) ? run.RestartCount : 0;
        }
    }

    public void Start() => _run = Task.Run(RunAsync);

    /// <summary>A newer version of the pod from the API; a deletionTimestamp starts the graceful stop.</summary>
    public void Update(V1Pod pod)
    {
        _pod = pod;
        if (pod.Metadata.DeletionTimestamp is not null)
        {
            _deletionRequested.TrySetResult();
        }
    }

    /// <summary>Stops at once (the pod object is gone, or the node stops): kill everything, clean up, no status.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await StopContainersAsync(TimeSpan.Zero).ConfigureAwait(false);
        await _run.ConfigureAwait(false);
        await CleanupAsync(removeFiles: true).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            var containers = Task.CompletedTask;
            if (await PrepareAsync().ConfigureAwait(false))
            {
                containers = RunContainersAsync();
                await Task.WhenAny(containers, _deletionRequested.Task).ConfigureAwait(false);
                if (!_deletionRequested.Task.IsCompleted)
                {
                    await containers.ConfigureAwait(false);
                    // The pod finished: like the kubelet, tear its sandbox down and keep its files and logs until it is deleted.
                    await CleanupAsync(removeFiles: false).ConfigureAwait(false);
                }
            }

            await _deletionRequested.Task.WaitAsync(_stop.Token).ConfigureAwait(false);
            await FinishDeletionAsync(containers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the node stops or the pod object went away.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One pod's failure never takes the node runner down.
            _node.Log.LogError(e, "pod {Namespace}/{Name} failed on node {Node}", _pod.Metadata.NamespaceProperty, _pod.Metadata.Name, _node.NodeName);
        }
    }

    // Images, user, network and volumes; false leaves the pod waiting with the reason in its containers' state.
    private async Task<bool> PrepareAsync()
    {
        var missing = (_pod.Spec.InitContainers ?? []).Concat(_pod.Spec.Containers).Where(c => _node.Images.Resolve(c.Image) is null or { Kind: ImageKind.Disk }).ToList();
        if (missing.Count > 0)
        {
            foreach (var container in missing)
            {
                SetRun(container.Name, r => r with { State = ContainerState.Waiting("ErrImagePull", $"image \"{container.Image}\" is not in the cluster's image map") });
            }

            await EventAsync("Warning", "Failed", $"Failed to pull image \"{missing[0].Image}\": it is not in the cluster's image map (add it to the config's images)").ConfigureAwait(false);
            await PublishStatusAsync().ConfigureAwait(false);
            foreach (var container in missing)
            {
                SetRun(container.Name, r => r with { State = ContainerState.Waiting("ImagePullBackOff", $"Back-off pulling image \"{container.Image}\"") });
            }

            await PublishStatusAsync().ConfigureAwait(false);
            return false;
        }

        while (true)
        {
            _stop.Token.ThrowIfCancellationRequested();
            try
            {
                var uid = _pod.Spec.SecurityContext?.RunAsUser ?? 0;
                var gid = _pod.Spec.SecurityContext?.RunAsGroup ?? uid;
                foreach (var container in (_pod.Spec.InitContainers ?? []).Concat(_pod.Spec.Containers))
                {
                    var containerUid = container.SecurityContext?.RunAsUser ?? uid;
                    await PodUsers.EnsureAsync(containerUid, container.SecurityContext?.RunAsGroup ?? (containerUid == uid ? gid : containerUid)).ConfigureAwait(false);
                }

                if (_pod.Spec.HostNetwork != true && _network is null)
                {
                    _network = await _node.Bridge.CreatePodNetworkAsync(Uid).ConfigureAwait(false);
                    foreach (var sysctl in _pod.Spec.SecurityContext?.Sysctls ?? [])
                    {
                        await _network.SetSysctlAsync(sysctl.Name, sysctl.Value).ConfigureAwait(false);
                    }
                }

                if (_network is not null)
                {
                    Directory.CreateDirectory(_node.Paths.Pod(Uid));
                    await File.WriteAllTextAsync(HostsFile, PodHostsFile.Render(_pod, _network.Ip), _stop.Token).ConfigureAwait(false);
                }

                _volumes = await new PodVolumes(_node.Client, _node.Paths, _node.Images).PrepareAsync(_pod, PodIp, _node.HostIp, uid, gid, _stop.Token).ConfigureAwait(false);
                await PublishStatusAsync(sandboxReady: true).ConfigureAwait(false);
                return true;
            }
            catch (PodStartException e)
            {
                foreach (var name in _runs.Keys.ToList())
                {
                    SetRun(name, r => r with { State = ContainerState.Waiting(e.Reason == "FailedMount" ? "ContainerCreating" : e.Reason, e.Message) });
                }

                await EventAsync("Warning", e.Reason, e.Message).ConfigureAwait(false);
                await PublishStatusAsync().ConfigureAwait(false);
                if (await Task.WhenAny(_deletionRequested.Task, Task.Delay(TimeSpan.FromSeconds(5), _stop.Token)).ConfigureAwait(false) == _deletionRequested.Task)
                {
                    return false;
                }
            }
        }
    }

    private async Task RunContainersAsync()
    {
        var restartPolicy = _pod.Spec.RestartPolicy ?? "Always";
        foreach (var init in _pod.Spec.InitContainers ?? [])
        {
            while (true)
            {
                var code = await RunOnceAsync(init).ConfigureAwait(false);
                if (code is null)
                {
                    return; // deleting
                }

                if (code == 0)
                {
                    break;
                }

                if (restartPolicy == "Never" || !await BackOffAsync(init).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        await Task.WhenAll(_pod.Spec.Containers.Select(SuperviseAsync)).ConfigureAwait(false);
    }

    // Runs a container again and again as its pod's restartPolicy says, until it must stay down or the pod is deleted.
    private async Task SuperviseAsync(V1Container container)
    {
        var restartPolicy = _pod.Spec.RestartPolicy ?? "Always";
        while (true)
        {
            var code = await RunOnceAsync(container).ConfigureAwait(false);
            if (code is null || restartPolicy == "Never" || (restartPolicy == "OnFailure" && code == 0))
            {
                return;
            }

            if (!await BackOffAsync(container).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // One run; its exit code, or null when the pod is being deleted (or failed to start a container).
    private async Task<int?> RunOnceAsync(V1Container container)
    {
        if (_deletionRequested.Task.IsCompleted || _stop.IsCancellationRequested)
        {
            return null;
        }

        ContainerProcess process;
        CriLogWriter? log = null;
        var restarts = RestartCount(container.Name);
        try
        {
            var environment = await ContainerEnvironment.ResolveAsync(_node.Client, _pod, container, PodIp, _node.HostIp, _stop.Token).ConfigureAwait(false);
            var command = Command(container);
            var logPath = _node.Paths.Log(_pod.Metadata.NamespaceProperty, _pod.Metadata.Name, Uid, container.Name, restarts);
            log = CriLogWriter.Open(logPath, _node.Time);
            process = ContainerProcess.Start(_pod, container, command, environment, _volumes, _network?.Namespace, _network is null ? null : HostsFile, log);
        }
        catch (PodStartException e)
        {
            if (log is not null)
            {
                await log.DisposeAsync().ConfigureAwait(false);
            }

            SetRun(container.Name, r => r with { State = ContainerState.Waiting(e.Reason, e.Message) });
            await EventAsync("Warning", "Failed", $"Error: {e.Message}").ConfigureAwait(false);
            await PublishStatusAsync().ConfigureAwait(false);
            return null;
        }

        var started = _node.Time.GetUtcNow();
        lock (_lock)
        {
            _processes[container.Name] = process;
        }

        SetRun(container.Name, r => r with { State = ContainerState.Running(started), Ready = container.ReadinessProbe is null && container.StartupProbe is null, Started = container.StartupProbe is null });
        await EventAsync("Normal", "Started", $"Started container {container.Name}").ConfigureAwait(false);
        await PublishStatusAsync().ConfigureAwait(false);

        using var probing = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var probes = Task.Run(() => ProbeAsync(container, process, probing.Token), CancellationToken.None);
        var exitCode = await process.Exited.ConfigureAwait(false);
        await log.DisposeAsync().ConfigureAwait(false); // marks the run's log finished, so kubectl logs -f ends
        await probing.CancelAsync().ConfigureAwait(false);
        await probes.ConfigureAwait(false);
        lock (_lock)
        {
            _processes.Remove(container.Name);
        }

        var finished = ContainerState.Terminated(exitCode, started, _node.Time.GetUtcNow());
        SetRun(container.Name, r => r with { State = finished, Ready = false, Started = false });
        if (!_stop.IsCancellationRequested)
        {
            await PublishStatusAsync().ConfigureAwait(false);
        }

        return exitCode;
    }

    // The kubelet's probe workers for one run: startup first, then liveness (a failure kills the container) and readiness.
    private async Task ProbeAsync(V1Container container, ContainerProcess process, CancellationToken cancellationToken)
    {
        try
        {
            var host = PodIp ?? _node.HostIp;
            if (container.StartupProbe is { } startup)
            {
                if (!await ProbeUntilAsync(startup, container, process, host, wantSuccess: true, cancellationToken).ConfigureAwait(false))
                {
                    await KillUnhealthyAsync(container, process, "Startup").ConfigureAwait(false);
                    return;
                }

                SetRun(container.Name, r => r with { Started = true, Ready = container.ReadinessProbe is null });
                await PublishStatusAsync().ConfigureAwait(false);
            }

            var liveness = container.LivenessProbe is { } live ? LivenessAsync(live, container, process, host, cancellationToken) : Task.CompletedTask;
            var readiness = container.ReadinessProbe is { } ready ? ReadinessAsync(ready, container, process, host, cancellationToken) : Task.CompletedTask;
            await Task.WhenAll(liveness, readiness).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The container exited or the pod stops.
        }
    }

    private async Task LivenessAsync(V1Probe probe, V1Container container, ContainerProcess process, string host, CancellationToken cancellationToken)
    {
        if (!await ProbeUntilAsync(probe, container, process, host, wantSuccess: false, cancellationToken).ConfigureAwait(false))
        {
            await KillUnhealthyAsync(container, process, "Liveness").ConfigureAwait(false);
        }
    }

    private async Task ReadinessAsync(V1Probe probe, V1Container container, ContainerProcess process, string host, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(probe.InitialDelaySeconds ?? 0), cancellationToken).ConfigureAwait(false);
        var successes = 0;
        var failures = 0;
        while (true)
        {
            var passed = await ProbeRunner.CheckAsync(probe, container, process, host, cancellationToken).ConfigureAwait(false);
            (successes, failures) = passed ? (successes + 1, 0) : (0, failures + 1);
            var ready = RunOf(container.Name).Ready;
            if (!ready && successes >= (probe.SuccessThreshold ?? 1) || ready && failures >= (probe.FailureThreshold ?? 3))
            {
                SetRun(container.Name, r => r with { Ready = !ready });
                await PublishStatusAsync().ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromSeconds(probe.PeriodSeconds ?? 10), cancellationToken).ConfigureAwait(false);
        }
    }

    // Probes until the outcome: with wantSuccess, true on the success threshold (startup); otherwise false on the failure threshold (liveness).
    private static async Task<bool> ProbeUntilAsync(V1Probe probe, V1Container container, ContainerProcess process, string host, bool wantSuccess, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(probe.InitialDelaySeconds ?? 0), cancellationToken).ConfigureAwait(false);
        var successes = 0;
        var failures = 0;
        while (true)
        {
            var passed = await ProbeRunner.CheckAsync(probe, container, process, host, cancellationToken).ConfigureAwait(false);
            (successes, failures) = passed ? (successes + 1, 0) : (0, failures + 1);
            if (wantSuccess && successes >= (probe.SuccessThreshold ?? 1))
            {
                return true;
            }

            if (failures >= (probe.FailureThreshold ?? 3))
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromSeconds(probe.PeriodSeconds ?? 10), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task KillUnhealthyAsync(V1Container container, ContainerProcess process, string probe)
    {
        await EventAsync("Warning", "Unhealthy", $"{probe} probe failed").ConfigureAwait(false);
        await EventAsync("Normal", "Killing", $"Container {container.Name} failed {probe.ToLowerInvariant()} probe, will be restarted").ConfigureAwait(false);
        await process.StopAsync(TimeSpan.FromSeconds(_pod.Spec.TerminationGracePeriodSeconds ?? 30)).ConfigureAwait(false);
    }

    private ContainerRun RunOf(string name)
    {
        lock (_lock)
        {
            return _runs[name];
        }
    }

    // Waits the restart backoff (CrashLoopBackOff in the meantime); false when the pod is deleted meanwhile.
    private async Task<bool> BackOffAsync(V1Container container)
    {
        var restarts = RestartCount(container.Name);
        var delay = TimeSpan.FromTicks(Math.Min(_node.Options.MaxRestartBackoff.Ticks, _node.Options.RestartBackoff.Ticks * (1L << Math.Min(restarts, 20))));
        SetRun(container.Name, r => r with
        {
            LastTermination = r.State,
            State = ContainerState.Waiting("CrashLoopBackOff", $"back-off {Format(delay)} restarting failed container={container.Name} pod={_pod.Metadata.Name}_{_pod.Metadata.NamespaceProperty}({Uid})"),
            RestartCount = r.RestartCount + 1,
        });
        await PublishStatusAsync().ConfigureAwait(false);
        await EventAsync("Warning", "BackOff", "Back-off restarting failed container").ConfigureAwait(false);
        await Task.WhenAny(_deletionRequested.Task, Task.Delay(delay, _stop.Token)).ConfigureAwait(false);
        return !_deletionRequested.Task.IsCompleted && !_stop.IsCancellationRequested;
    }

    private IReadOnlyList<string> Command(V1Container container)
    {
        var target = _node.Images.Resolve(container.Image)!;
        var command = (container.Command ?? []).Concat(container.Args ?? []).ToList();
        if (target is { Kind: ImageKind.Program, Path: { } program } && (container.Command is null || container.Command.Count == 0))
        {
            // The image's entrypoint is the program: no command runs it; a command naming it runs this build of it (below).
            return [program, .. container.Args ?? []];
        }

        return command.Count > 0 ? target.Resolve(command) : throw new PodStartException("CreateContainerError", $"container {container.Name}: no command specified, and {container.Image} runs the host's commands only");
    }

    private async Task FinishDeletionAsync(Task containers)
    {
        var grace = TimeSpan.FromSeconds(_pod.Metadata.DeletionGracePeriodSeconds ?? _pod.Spec.TerminationGracePeriodSeconds ?? 30);
        if (_processes.Count > 0)
        {
            await EventAsync("Normal", "Killing", $"Stopping container {string.Join(", ", _processes.Keys)}").ConfigureAwait(false);
        }

        await StopContainersAsync(grace).ConfigureAwait(false);
        await containers.ConfigureAwait(false);
        await CleanupAsync(removeFiles: true).ConfigureAwait(false);
        try
        {
            await _node.Client.CoreV1.DeleteNamespacedPodAsync(_pod.Metadata.Name, _pod.Metadata.NamespaceProperty,
                new V1DeleteOptions { GracePeriodSeconds = 0, Preconditions = new V1Preconditions { Uid = Uid } }).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict)
        {
            // Already gone (force-deleted), or a new pod of the same name.
        }
    }

    private async Task StopContainersAsync(TimeSpan grace)
    {
        List<ContainerProcess> running;
        lock (_lock)
        {
            running = [.. _processes.Values];
        }

        await Task.WhenAll(running.Select(p => p.StopAsync(grace))).ConfigureAwait(false);
    }

    private async Task CleanupAsync(bool removeFiles)
    {
        if (_network is { } network)
        {
            _network = null;
            await network.DeleteAsync().ConfigureAwait(false);
        }

        if (removeFiles)
        {
            try
            {
                Directory.Delete(_node.Paths.Pod(Uid), recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // Nothing was made.
            }
        }
    }

    private void SetRun(string name, Func<ContainerRun, ContainerRun> change)
    {
        lock (_lock)
        {
            _runs[name] = change(_runs[name]);
        }
    }

    private async Task PublishStatusAsync(bool sandboxReady = false)
    {
        PodRuntimeView view;
        lock (_lock)
        {
            view = new PodRuntimeView(
                [.. (_pod.Spec.InitContainers ?? []).Select(c => _runs[c.Name])],
                [.. _pod.Spec.Containers.Select(c => _runs[c.Name])],
                PodIp, _node.HostIp, sandboxReady || _network is not null || _pod.Spec.HostNetwork == true);
        }

        var status = PodStatusCalculator.Compute(_pod, view, _node.Time.GetUtcNow());
        var patch = "{\"status\":" + KubernetesJson.Serialize(status) + "}";
        try
        {
            var updated = await _node.Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
                _pod.Metadata.Name, _pod.Metadata.NamespaceProperty).ConfigureAwait(false);
            if (updated.Metadata.Uid == Uid)
            {
                _pod.Status = updated.Status;
            }
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // The pod is gone; its worker is being disposed.
        }
    }

    private async Task EventAsync(string type, string reason, string message)
    {
        var now = _node.Time.GetUtcNow().UtcDateTime;
        try
        {
            await _node.Client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
            {
                Metadata = new V1ObjectMeta { GenerateName = _pod.Metadata.Name + "." },
                InvolvedObject = new V1ObjectReference
                {
                    Kind = "Pod", ApiVersion = "v1", Name = _pod.Metadata.Name, NamespaceProperty = _pod.Metadata.NamespaceProperty, Uid = Uid,
                },
                Reason = reason,
                Message = message,
                Type = type,
                Source = new V1EventSource { Component = "kubelet", Host = _node.NodeName },
                FirstTimestamp = now,
                LastTimestamp = now,
                Count = 1,
                ReportingComponent = "kubelet",
                ReportingInstance = _node.NodeName,
            }, _pod.Metadata.NamespaceProperty).ConfigureAwait(false);
        }
        catch (HttpOperationException)
        {
            // Events are best effort, as the kubelet's are (the namespace may be terminating).
        }
    }

    private static string Format(TimeSpan delay) =>
        delay.TotalMinutes >= 1 ? $"{(int)delay.TotalMinutes}m{delay.Seconds}s" : $"{delay.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}s";
}
