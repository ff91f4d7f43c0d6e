using System.Collections.Concurrent;
using VmAddon.DevCluster.Kubelet;
using VmAddon.DevCluster.Streaming;

namespace VmAddon.DevCluster.Tests.Kubelet;

/// <summary>A pod runtime whose containers are only names: exec runs the command right here on the host (pipes or a pty), logs are files the test writes.</summary>
public sealed class HostPodRuntime : IPodRuntime
{
    private readonly ConcurrentDictionary<(string Ns, string Pod, string Container), (string? Current, string? Previous)> _containers = new();

    /// <summary>Declares a running container and its current (and previous) log files.</summary>
    public void Add(string ns, string pod, string container, string? log = null, string? previousLog = null) =>
        _containers[(ns, pod, container)] = (log, previousLog);

    public Task<IExecProcess> ExecAsync(ExecRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_containers.ContainsKey((request.Namespace, request.Pod, request.Container)))
        {
            throw new PodRuntimeException($"container \"{request.Container}\" in pod \"{request.Pod}\" is not running");
        }

        if (request.Command.Count == 0)
        {
            throw new PodRuntimeException("no command given");
        }

        var command = new ProcessCommand(request.Command[0], [.. request.Command.Skip(1)]);
        return Task.FromResult<IExecProcess>(request.Tty ? TerminalProcess.Start(command, request.Stdin) : PipedProcess.Start(command, request.Stdin));
    }

    public string? LogPath(string ns, string pod, string container, bool previous) =>
        _containers.TryGetValue((ns, pod, container), out var logs)
            ? previous ? logs.Previous : logs.Current
            : throw new PodRuntimeException($"container \"{container}\" not found in pod \"{pod}\"");
}
