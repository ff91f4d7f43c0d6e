namespace VmAddon.DevCluster.Watch;

/// <summary>The type of a watch event, as kube-apiserver names it on the wire.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
    Error,
}
