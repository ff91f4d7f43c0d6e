using System.Text.Json.Nodes;
using System.Threading.Channels;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Watch;

/// <summary>One watcher's filter and queue. Writers never wait on it: a watcher that falls behind is closed, as kube-apiserver closes slow watchers.</summary>
internal sealed class Watcher
{
    private readonly Channel<WatchEvent> _channel;
    private readonly int _limit;
    private readonly Action<Watcher> _onClose;
    private int _closed;

    public Watcher(ResourceType type, ObjectFilter filter, bool allowBookmarks, int capacity, Action<Watcher> onClose)
    {
        Type = type;
        Filter = filter;
        AllowBookmarks = allowBookmarks;
        _limit = capacity;
        _onClose = onClose;
        // One slot more than the limit, so the ERROR event that closes a full watcher always fits.
        _channel = Channel.CreateBounded<WatchEvent>(new BoundedChannelOptions(capacity + 1) { SingleWriter = true, SingleReader = false });
    }

    public ResourceType Type { get; }

    public ObjectFilter Filter { get; }

    public bool AllowBookmarks { get; }

    public ChannelReader<WatchEvent> Reader => _channel.Reader;

    /// <summary>Turns a change into what this watcher sees: kube-apiserver's rules, so leaving a selector is a DELETED and entering it an ADDED.</summary>
    public WatchEvent? EventFor(StoreChange change)
    {
        if (change.Key.Group != Type.Group || change.Key.Resource != Type.Resource)
        {
            return null;
        }

        var current = change.Type != WatchEventType.Deleted && Filter.Matches(change.Object);
        var previous = change.Previous is not null && Filter.Matches(change.Previous);
        if (current)
        {
            return new WatchEvent(previous ? WatchEventType.Modified : WatchEventType.Added, change.Object.DeepClone().AsObject());
        }

        if (!previous)
        {
            return null;
        }

        var last = change.Previous!.DeepClone().AsObject();
        ObjectMetadata.SetResourceVersion(last, change.ResourceVersion);
        return new WatchEvent(WatchEventType.Deleted, last);
    }

    public void Send(WatchEvent watchEvent)
    {
        if (Volatile.Read(ref _closed) != 0)
        {
            return;
        }

        if (_channel.Reader.Count >= _limit)
        {
            _channel.Writer.TryWrite(new WatchEvent(WatchEventType.Error, TooSlowStatus()));
            Close();
            return;
        }

        _channel.Writer.TryWrite(watchEvent);
    }

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _channel.Writer.TryComplete();
            _onClose(this);
        }
    }

    // 410 makes client-go's reflector relist, which is the only safe recovery once events were dropped.
    private JsonObject TooSlowStatus() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = $"watch of {Type.QualifiedName} closed: the client fell behind by more than {_limit} events (too slow)",
        ["reason"] = "Expired",
        ["code"] = 410,
    };
}
