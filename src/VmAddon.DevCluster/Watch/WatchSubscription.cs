using System.Threading.Channels;

namespace VmAddon.DevCluster.Watch;

/// <summary>An open watch: read its events; dispose it to stop watching.</summary>
public sealed class WatchSubscription : IDisposable
{
    private readonly Watcher _watcher;

    internal WatchSubscription(Watcher watcher) => _watcher = watcher;

    /// <summary>Completes when the watch ends: disposed, or closed after an ERROR event because the reader fell behind.</summary>
    public ChannelReader<WatchEvent> Events => _watcher.Reader;

    public void Dispose() => _watcher.Close();
}
