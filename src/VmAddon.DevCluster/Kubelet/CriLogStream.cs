namespace VmAddon.DevCluster.Kubelet;

/// <summary>Which of a container's output streams a CRI log record came from.</summary>
public enum CriLogStream
{
    Stdout,
    Stderr,
}
