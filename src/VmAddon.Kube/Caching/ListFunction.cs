namespace VmAddon.Kube.Caching;

/// <summary>Lists every object an <see cref="InformerCache{T}"/> holds, with the list's resourceVersion to watch from.</summary>
public delegate Task<(IList<T> Items, string ResourceVersion)> ListFunction<T>(CancellationToken cancellationToken);
