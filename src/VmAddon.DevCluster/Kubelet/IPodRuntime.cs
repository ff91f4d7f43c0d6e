namespace VmAddon.DevCluster.Kubelet;

/// <summary>What the node runner's kubelet API needs from the pods it runs: exec into a container, and its log files.</summary>
public interface IPodRuntime
{
    /// <summary>Starts a command in a running container's context (its namespaces, user, environment and mounts).</summary>
    /// <exception cref="PodRuntimeException">The pod or container is unknown or not running.</exception>
    Task<IExecProcess> ExecAsync(ExecRequest request, CancellationToken cancellationToken);

    /// <summary>The CRI-format log file of a container's current (or, with <paramref name="previous"/>, last terminated) run; null when there is none.</summary>
    string? LogPath(string ns, string pod, string container, bool previous);
}

/// <summary>A command to run in a container; <see cref="Tty"/> gives it a pseudo-terminal (stderr then goes to stdout).</summary>
public sealed record ExecRequest(string Namespace, string Pod, string Container, IReadOnlyList<string> Command, bool Stdin, bool Tty);

/// <summary>A running exec session.</summary>
public interface IExecProcess : IAsyncDisposable
{
    /// <summary>The command's standard input; null when none was asked for.</summary>
    Stream? Stdin { get; }

    Stream Stdout { get; }

    /// <summary>Null with a tty, whose output all goes to <see cref="Stdout"/>.</summary>
    Stream? Stderr { get; }

    /// <summary>Completes with the exit code.</summary>
    Task<int> Exited { get; }

    /// <summary>Changes the terminal size (tty only).</summary>
    void Resize(ushort columns, ushort rows);
}

/// <summary>An exec or log request that names a pod or container the runtime cannot serve; the message says why.</summary>
public sealed class PodRuntimeException(string message) : Exception(message);
