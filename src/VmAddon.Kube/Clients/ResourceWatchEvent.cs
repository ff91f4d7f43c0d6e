using k8s;

namespace VmAddon.Kube.Clients;

/// <summary>One watch event: Added, Modified, Deleted or Bookmark (whose object carries only metadata.resourceVersion).</summary>
public sealed record ResourceWatchEvent<T>(WatchEventType Type, T Object);
