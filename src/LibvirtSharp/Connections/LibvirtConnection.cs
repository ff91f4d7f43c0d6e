using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using LibvirtSharp.Interop;

namespace LibvirtSharp;

/// <summary>A read-write connection to a libvirt driver or daemon, with keepalive, a close notification and domain events.</summary>
public sealed class LibvirtConnection : IDisposable
{
    private const int LifecycleEventId = 0;

    private readonly ConnectionCloseSink _closeSink = new();
    private readonly ConcurrentDictionary<int, DomainLifecycleSubscription> _subscriptions = new();
    private readonly bool _closeCallbackRegistered;
    private int _disposeStarted;
    private int _disposed;

    private unsafe LibvirtConnection(ConnectionHandle handle, string uri)
    {
        Handle = handle;
        Uri = uri;
        var opaque = GCHandle.ToIntPtr(GCHandle.Alloc(_closeSink));
        if (ConnectNative.virConnectRegisterCloseCallback(handle, &NativeCallbacks.OnConnectionClosed, opaque, &NativeCallbacks.FreeOpaque) < 0)
        {
            // libvirt did not take the opaque pointer, so its free callback will never run.
            GCHandle.FromIntPtr(opaque).Free();
            var error = LibvirtException.FromLastError("virConnectRegisterCloseCallback");
            if (error.Code is not (LibvirtErrorCode.NoSupport or LibvirtErrorCode.OperationUnsupported))
            {
                throw error;
            }
        }
        else
        {
            _closeCallbackRegistered = true;
        }
    }

    /// <summary>Raised once, on libvirt's event loop thread, when the connection closes for any reason; handlers must not block.</summary>
    public event EventHandler<ConnectionClosedEventArgs>? ConnectionClosed
    {
        add => _closeSink.ConnectionClosed += value;
        remove => _closeSink.ConnectionClosed -= value;
    }

    /// <summary>The URI the connection was opened with.</summary>
    public string Uri { get; }

    /// <summary>Completes when the connection closes: lost daemon (EndOfFile), keepalive timeout, error, or <see cref="Dispose"/> (Client).</summary>
    public Task<ConnectionCloseReason> Closed => _closeSink.Closed;

    /// <summary>Whether libvirt still considers the connection usable.</summary>
    public bool IsAlive => _disposed == 0 && ConnectNative.virConnectIsAlive(Handle) == 1;

    internal ConnectionHandle Handle { get; }

    /// <summary>Opens a read-write connection, e.g. <c>test:///default</c> or <c>qemu+unix:///session?socket=/path</c>.</summary>
    public static async Task<LibvirtConnection> OpenAsync(string uri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        EventLoop.EnsureStarted();
        var handle = await LibvirtCall.RunAsync(
            () => LibvirtCall.Check(ConnectNative.virConnectOpen(uri), $"virConnectOpen({uri})"),
            cancellationToken).ConfigureAwait(false);
        try
        {
            return new LibvirtConnection(handle, uri);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Asks the daemon to exchange keepalive messages so a dead peer closes the connection (see <see cref="Closed"/>)
    /// after about interval × (count + 1) seconds. Returns false when the driver has no keepalive (in-process drivers).
    /// </summary>
    public bool TryEnableKeepAlive(int intervalSeconds = 5, uint count = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(intervalSeconds, 0);
        var result = ConnectNative.virConnectSetKeepAlive(Handle, intervalSeconds, count);
        if (result >= 0)
        {
            return result == 0;
        }

        var error = LibvirtException.FromLastError("virConnectSetKeepAlive");
        return error.Code is LibvirtErrorCode.NoSupport or LibvirtErrorCode.OperationUnsupported ? false : throw error;
    }

    /// <summary>Lists domains that match <paramref name="filter"/> (all of them by default).</summary>
    public Task<IReadOnlyList<LibvirtDomain>> ListDomainsAsync(DomainListFilter filter = DomainListFilter.None, CancellationToken cancellationToken = default) =>
        LibvirtCall.RunAsync<IReadOnlyList<LibvirtDomain>>(
            () =>
            {
                var count = LibvirtCall.Check(ConnectNative.virConnectListAllDomains(Handle, out var array, (uint)filter), "virConnectListAllDomains");
                var domains = new List<LibvirtDomain>(count);
                try
                {
                    for (var i = 0; i < count; i++)
                    {
                        // Every element becomes owned by a SafeHandle at once, so none leaks if a later one fails.
                        var domainHandle = new DomainHandle(Marshal.ReadIntPtr(array, i * IntPtr.Size));
                        domains.Add(new LibvirtDomain(this, domainHandle));
                    }
                }
                finally
                {
                    unsafe
                    {
                        NativeMemory.Free((void*)array);
                    }
                }

                return domains;
            },
            cancellationToken);

    /// <summary>Finds a domain by name; throws <see cref="LibvirtException"/> with <see cref="LibvirtErrorCode.NoDomain"/> when there is none.</summary>
    public Task<LibvirtDomain> LookupDomainAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return LibvirtCall.RunAsync(
            () => new LibvirtDomain(this, LibvirtCall.Check(DomainNative.virDomainLookupByName(Handle, name), "virDomainLookupByName")),
            cancellationToken);
    }

    /// <summary>Finds a domain by UUID; throws <see cref="LibvirtException"/> with <see cref="LibvirtErrorCode.NoDomain"/> when there is none.</summary>
    public Task<LibvirtDomain> LookupDomainAsync(Guid uuid, CancellationToken cancellationToken = default) =>
        LibvirtCall.RunAsync(
            () => new LibvirtDomain(this, LibvirtCall.Check(DomainNative.virDomainLookupByUUIDString(Handle, uuid.ToString("D")), "virDomainLookupByUUIDString")),
            cancellationToken);

    /// <summary>Finds a domain by name, or null when there is none.</summary>
    public async Task<LibvirtDomain?> FindDomainAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await LookupDomainAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (LibvirtException e) when (e.Code == LibvirtErrorCode.NoDomain)
        {
            return null;
        }
    }

    /// <summary>Defines (or redefines) a persistent domain from its XML; <paramref name="validate"/> checks it against libvirt's schema first.</summary>
    public Task<LibvirtDomain> DefineDomainAsync(string xml, bool validate = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(xml);
        return LibvirtCall.RunAsync(
            () => new LibvirtDomain(this, LibvirtCall.Check(DomainNative.virDomainDefineXMLFlags(Handle, xml, validate ? 1u : 0u), "virDomainDefineXMLFlags")),
            cancellationToken);
    }

    /// <summary>Subscribes to lifecycle events of one domain, or of all domains when <paramref name="domain"/> is null.</summary>
    public unsafe DomainLifecycleSubscription SubscribeLifecycleEvents(LibvirtDomain? domain = null)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var sink = new LifecycleEventSink();
        var opaque = GCHandle.ToIntPtr(GCHandle.Alloc(sink));
        var domainAdded = false;
        try
        {
            domain?.Handle.DangerousAddRef(ref domainAdded);
            var callbackId = ConnectNative.virConnectDomainEventRegisterAny(
                Handle,
                domain is null ? IntPtr.Zero : domain.Handle.DangerousGetHandle(),
                LifecycleEventId,
                &NativeCallbacks.OnDomainLifecycle,
                opaque,
                &NativeCallbacks.FreeOpaque);
            if (callbackId < 0)
            {
                var error = LibvirtException.FromLastError("virConnectDomainEventRegisterAny");
                GCHandle.FromIntPtr(opaque).Free();
                throw error;
            }

            var subscription = new DomainLifecycleSubscription(this, sink, callbackId);
            _subscriptions[callbackId] = subscription;
            return subscription;
        }
        finally
        {
            if (domainAdded)
            {
                domain!.Handle.DangerousRelease();
            }
        }
    }

    internal void Unsubscribe(DomainLifecycleSubscription subscription)
    {
        if (_subscriptions.TryRemove(subscription.CallbackId, out _) && _disposed == 0)
        {
            // Failure means the connection is already gone, and libvirt dropped the callback with it.
            _ = ConnectNative.virConnectDomainEventDeregisterAny(Handle, subscription.CallbackId);
        }
    }

    /// <summary>Unregisters every callback, then closes this reference; domains keep their own reference to the native connection.</summary>
    public unsafe void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) != 0)
        {
            return;
        }

        foreach (var subscription in _subscriptions.Values)
        {
            subscription.Dispose();
        }

        Interlocked.Exchange(ref _disposed, 1);
        if (_closeCallbackRegistered)
        {
            _ = ConnectNative.virConnectUnregisterCloseCallback(Handle, &NativeCallbacks.OnConnectionClosed);
        }

        Handle.Dispose();
        _closeSink.Deliver(ConnectionCloseReason.Client);
    }
}
