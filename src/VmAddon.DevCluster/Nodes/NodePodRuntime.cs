using System.Globalization;
using VmAddon.DevCluster.Kubelet;
using VmAddon.DevCluster.Streaming;

namespace VmAddon.DevCluster.Nodes;

/// <summary>The node's answers to its kubelet API: exec into a running container, and the log files of each container's runs.</summary>
internal sealed class NodePodRuntime(NodeRunner node) : IPodRuntime
{
    public Task<IExecProcess> ExecAsync(ExecRequest request, CancellationToken cancellationToken)
    {
        var worker = node.Worker(request.Namespace, request.Pod) ?? throw new PodRuntimeException($"pod \"{request.Pod}\" is not running on node {node.NodeName}");
        var process = worker.Process(request.Container)
            ?? throw new PodRuntimeException($"container \"{request.Container}\" in pod \"{request.Pod}\" is not running");
        var argv = process.ExecArgv(worker.ExecCommand(request.Container, request.Command));
        var command = new ProcessCommand(argv[0], [.. argv.Skip(1)]) { Environment = process.Environment };
        return Task.FromResult<IExecProcess>(request.Tty ? TerminalProcess.Start(command, request.Stdin) : PipedProcess.Start(command, request.Stdin));
    }

    /// <summary>The newest run's log (or the one before it), found on disk, so logs stay readable after the container or the runner stopped.</summary>
    public string? LogPath(string ns, string pod, string container, bool previous)
    {
        var pods = Path.Combine(node.Paths.NodeRoot, "logs", "pods");
        var podDirectory = Directory.Exists(pods)
            ? Directory.GetDirectories(pods, $"{ns}_{pod}_*").Select(d => new DirectoryInfo(d)).OrderByDescending(d => d.LastWriteTimeUtc).FirstOrDefault()
            : null;
        var containerDirectory = podDirectory is null ? null : Path.Combine(podDirectory.FullName, container);
        if (containerDirectory is null || !Directory.Exists(containerDirectory))
        {
            return null;
        }

        var runs = Directory.GetFiles(containerDirectory, "*.log")
            .Select(f => int.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .Where(n => n >= 0).Order().ToList();
        var index = runs.Count - (previous ? 2 : 1);
        return index < 0 ? null : Path.Combine(containerDirectory, $"{runs[index].ToString(CultureInfo.InvariantCulture)}.log");
    }
}
