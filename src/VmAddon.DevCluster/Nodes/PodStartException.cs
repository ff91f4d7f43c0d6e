namespace VmAddon.DevCluster.Nodes;

/// <summary>A pod that cannot start yet: the reason goes into its containers' waiting state and a Warning event.</summary>
public sealed class PodStartException(string reason, string message) : Exception(message)
{
    /// <summary>Such as ErrImagePull, CreateContainerConfigError or FailedMount.</summary>
    public string Reason { get; } = reason;
}
