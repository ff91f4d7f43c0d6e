using System.Collections.Concurrent;
using LibvirtSharp;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using VmAddon.Agent.Hosting;
using VmAddon.Agent.Logging;
using VmAddon.Core.Guests;

namespace VmAddon.Agent.Libvirt;

/// <summary>
/// One libvirt connection per launcher pod (or one to the test driver), opened with retries, kept while alive and
/// reopened when lost. Each connection's lifecycle events and its loss are reported by domain name, so the agent can
/// queue the VMI's key.
/// </summary>
internal sealed class GuestConnections : IAsyncDisposable
{
    /// <summary>The URI of libvirt's in-process test driver; its state is shared by every connection in the process.</summary>
    public const string TestDriverUri = "test:///default";

    private const string TestDriverKey = "test";

    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _entries = new(StringComparer.Ordinal);
    private readonly ResiliencePipeline _open;
    private readonly GuestHypervisor _hypervisor;
    private readonly string _kubeletRoot;
    private readonly string _linkDir;
    private readonly Action<string> _domainChanged;
    private readonly Action _connectionLost;
    private readonly ILogger _log;

    public GuestConnections(AgentOptions options, Action<string> domainChanged, Action connectionLost, TimeProvider time, ILogger log)
    {
        _hypervisor = options.Hypervisor;
        _kubeletRoot = options.KubeletRoot;
        _linkDir = options.SocketLinkDir;
        _domainChanged = domainChanged;
        _connectionLost = connectionLost;
        _log = log;
        // A launcher's daemon may be restarting or its socket just appearing: a few quick tries before the queue's backoff takes over.
        _open = new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<LibvirtException>(),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        }).Build();
    }

    /// <summary>The live connection to the libvirtd of the pod with <paramref name="podUid"/> (ignored for the test driver).</summary>
    public async Task<LibvirtConnection> GetAsync(string? podUid, CancellationToken cancellationToken)
    {
        var key = _hypervisor == GuestHypervisor.Test ? TestDriverKey : podUid ?? throw new ArgumentNullException(nameof(podUid));
        while (true)
        {
            var lazy = _entries.GetOrAdd(key, k => new Lazy<Task<Entry>>(() => OpenAsync(k, cancellationToken)));
            Entry entry;
            try
            {
                entry = await lazy.Value.ConfigureAwait(false);
            }
            catch
            {
                _entries.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(key, lazy));
                throw;
            }

            if (entry.Connection.IsAlive)
            {
                return entry.Connection;
            }

            if (_entries.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(key, lazy)))
            {
                await entry.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Closes the connection of a pod that is gone.</summary>
    public async Task DropAsync(string podUid)
    {
        if (_entries.TryRemove(podUid, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
        {
            await lazy.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the connection of a pod that is gone, and removes its socket link.</summary>
    public async Task ForgetAsync(string podUid)
    {
        await DropAsync(podUid).ConfigureAwait(false);
        RemoveLink(podUid);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var key in _entries.Keys)
        {
            await DropAsync(key).ConfigureAwait(false);
        }
    }

    private async Task<Entry> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var uri = key == TestDriverKey ? TestDriverUri : LauncherSocketPath.Uri(ReachableSocket(key));
        var connection = await _open.ExecuteAsync(async ct => await LibvirtConnection.OpenAsync(uri, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        try
        {
            connection.TryEnableKeepAlive();
            var events = connection.SubscribeLifecycleEvents();
            var pump = Task.Run(() => PumpAsync(events), CancellationToken.None);
            AgentLog.Connected(_log, uri);
            _ = connection.Closed.ContinueWith(closed => Lost(key, uri, closed.Result), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            return new Entry(connection, events, pump);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The pod's socket path, or a short link to its directory when the path is too long to connect to.</summary>
    private string ReachableSocket(string podUid)
    {
        var socket = LauncherSocketPath.For(_kubeletRoot, podUid);
        if (LauncherSocketPath.Fits(socket))
        {
            return socket;
        }

        var link = LauncherSocketPath.Link(_linkDir, podUid);
        var target = Path.GetDirectoryName(socket)!;
        if (new FileInfo(link).LinkTarget != target)
        {
            Directory.CreateDirectory(_linkDir);
            File.Delete(link);
            File.CreateSymbolicLink(link, target);
        }

        return $"{link}/{LauncherSocketPath.FileName}";
    }

    private void RemoveLink(string podUid)
    {
        if (_hypervisor == GuestHypervisor.Qemu)
        {
            File.Delete(LauncherSocketPath.Link(_linkDir, podUid));
        }
    }

    private async Task PumpAsync(DomainLifecycleSubscription events)
    {
        await foreach (var e in events.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            AgentLog.DomainEvent(_log, e.DomainName, e.Type, e.Detail);
            _domainChanged(e.DomainName);
        }
    }

    private void Lost(string key, string uri, ConnectionCloseReason reason)
    {
        if (reason == ConnectionCloseReason.Client)
        {
            return; // we closed it
        }

        AgentLog.ConnectionLost(_log, uri, reason);
        if (_entries.TryGetValue(key, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && !lazy.Value.Result.Connection.IsAlive)
        {
            _ = DropAsync(key);
        }

        _connectionLost();
    }

    private sealed record Entry(LibvirtConnection Connection, DomainLifecycleSubscription Events, Task Pump) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Events.Dispose();
            Connection.Dispose();
            await Pump.ConfigureAwait(false);
        }
    }
}
