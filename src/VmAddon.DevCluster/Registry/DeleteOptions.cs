namespace VmAddon.DevCluster.Registry;

/// <summary>A DELETE's options, from its query or its DeleteOptions body.</summary>
public sealed record DeleteOptions(
    PropagationPolicy? Propagation = null,
    long? GracePeriodSeconds = null,
    string? PreconditionUid = null,
    string? PreconditionResourceVersion = null,
    bool DryRun = false)
{
    public static readonly DeleteOptions Default = new();
}

/// <summary>What happens to an object's dependents (objects whose ownerReferences name it).</summary>
public enum PropagationPolicy
{
    /// <summary>The owner goes at once; the garbage collector deletes dependents afterwards.</summary>
    Background,

    /// <summary>The owner stays, with the foregroundDeletion finalizer, until its dependents are gone.</summary>
    Foreground,

    /// <summary>Dependents lose their reference to the owner and stay.</summary>
    Orphan,
}
