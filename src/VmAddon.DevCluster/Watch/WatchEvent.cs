using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Watch;

/// <summary>One event of a watch; for Error the object is a Kubernetes Status.</summary>
public sealed record WatchEvent(WatchEventType Type, JsonObject Object)
{
    /// <summary>The wire name: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.</summary>
    public string WireType => Type.ToString().ToUpperInvariant();
}
