using System.Net;

namespace VmAddon.DevCluster.Http;

/// <summary>How the dev API server runs.</summary>
public sealed record ApiServerOptions
{
    /// <summary>Where to listen; port 0 picks a free port (see <see cref="ApiServer.BaseAddress"/>).</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>Persist objects here (log and snapshot); null keeps them in memory only.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>How often watchers that allow bookmarks get one (kube-apiserver: about a minute).</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest a watch without timeoutSeconds stays open.</summary>
    public TimeSpan MaxWatchTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Changes kept for watches that resume from a resourceVersion.</summary>
    public int HistoryLimit { get; init; } = 10_000;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
