using System.Threading.Channels;
using LibvirtSharp.Interop;

namespace LibvirtSharp;

/// <summary>
/// Receives one registration's lifecycle callbacks on libvirt's event loop thread and queues them. The queue is
/// unbounded so the event loop never waits on a slow reader; lifecycle events are few.
/// </summary>
internal sealed class LifecycleEventSink
{
    private readonly Channel<DomainLifecycleEvent> _channel =
        Channel.CreateUnbounded<DomainLifecycleEvent>(new UnboundedChannelOptions { SingleWriter = true });

    internal ChannelReader<DomainLifecycleEvent> Reader => _channel.Reader;

    internal event EventHandler<DomainLifecycleEvent>? Received;

    internal void Deliver(IntPtr domain, int eventType, int detail)
    {
        // Only local calls here: the domain pointer is libvirt's, valid for this callback only.
        var name = NativeString.Borrow(DomainNative.virDomainGetName(domain)) ?? string.Empty;
        var uuid = DomainIdentity.ReadUuid(domain);
        var lifecycleEvent = new DomainLifecycleEvent(name, uuid, (DomainEventType)eventType, detail);
        _channel.Writer.TryWrite(lifecycleEvent);
        Received?.Invoke(this, lifecycleEvent);
    }

    internal void Complete() => _channel.Writer.TryComplete();
}
