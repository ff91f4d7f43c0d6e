using k8s;

namespace VmAddon.Kube.Caching;

/// <summary>Watches from a resourceVersion (with bookmarks) for an <see cref="InformerCache{T}"/>; errors the stream carries go to <c>onError</c>.</summary>
public delegate IAsyncEnumerable<(WatchEventType Type, T Object)> WatchFunction<T>(string resourceVersion, int timeoutSeconds, Action<Exception> onError, CancellationToken cancellationToken);
