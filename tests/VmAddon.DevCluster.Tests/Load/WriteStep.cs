namespace VmAddon.DevCluster.Tests.Load;

/// <summary>What one write does to an object.</summary>
internal enum WriteStep
{
    Create,

    /// <summary>Changes the data (a ConfigMap's data, a VirtualMachine's run strategy), so every watcher that sees the object gets MODIFIED.</summary>
    Update,

    /// <summary>Moves the object to another shard label, so label-selected watchers see it leave (DELETED) or enter (ADDED).</summary>
    Relabel,

    Delete,
}
