using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VmAddon.Kube.Leadership;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease with client-go's semantics: optimistic concurrency on
/// resourceVersion, expiry judged by the local time the record was last seen to change (no clock-skew trust),
/// renewal until RenewDeadline, and release on cancellation.
/// </summary>
public sealed partial class LeaderElector
{
    private readonly IKubernetes _client;
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private string? _observedRecord;
    private DateTimeOffset _observedTime;
    private volatile bool _isLeader;

    public LeaderElector(IKubernetes client, LeaderElectionOptions options, TimeProvider? timeProvider = null, ILogger<LeaderElector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _client = client;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public bool IsLeader => _isLeader;

    public string Identity => _options.Identity;

    /// <summary>
    /// Campaigns until leader, runs <paramref name="onStartedLeading"/> with a token cancelled when leadership is lost
    /// or <paramref name="cancellationToken"/> fires, then calls <paramref name="onStoppedLeading"/> and returns.
    /// Returning from <paramref name="onStartedLeading"/> also ends leadership. On shutdown or return the lease is
    /// released when <see cref="LeaderElectionOptions.ReleaseOnCancel"/> is set; a lost lease is left to its new holder.
    /// Returns without calling either callback when cancelled before winning.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> onStartedLeading, Action onStoppedLeading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onStartedLeading);
        ArgumentNullException.ThrowIfNull(onStoppedLeading);
        if (!await AcquireAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Task.Run(() => onStartedLeading(leading.Token), CancellationToken.None);
        var lost = false;
        try
        {
            lost = await RenewLoopAsync(work, leading.Token).ConfigureAwait(false);
        }
        finally
        {
            _isLeader = false;
            await leading.CancelAsync().ConfigureAwait(false);
            try
            {
                await work.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The leading work stopped because leadership ended, as asked.
            }
            catch (Exception e)
            {
                LogLeadingFailed(_logger, e, _options.Identity);
            }

            // Released on shutdown, or when the leading work returned by itself; a lost lease is someone else's now.
            if (_options.ReleaseOnCancel && !lost)
            {
                await ReleaseAsync().ConfigureAwait(false);
            }

            LogStopped(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
            onStoppedLeading();
        }
    }

    private async Task<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await TryAcquireOrRenewAsync(cancellationToken).ConfigureAwait(false))
            {
                _isLeader = true;
                LogAcquired(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
                return true;
            }

            try
            {
                await Task.Delay(Jittered(_options.RetryPeriod), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }

    // Renews every RetryPeriod; a renewal that has not succeeded within RenewDeadline loses leadership (returns true).
    private async Task<bool> RenewLoopAsync(Task work, CancellationToken leading)
    {
        var lastRenew = _time.GetUtcNow();
        while (!leading.IsCancellationRequested && !work.IsCompleted)
        {
            try
            {
                await Task.Delay(_options.RetryPeriod, _time, leading).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            if (await TryAcquireOrRenewAsync(leading).ConfigureAwait(false))
            {
                lastRenew = _time.GetUtcNow();
            }
            else if (leading.IsCancellationRequested)
            {
                return false;
            }
            else if (!_isLeader || _time.GetUtcNow() - lastRenew >= _options.RenewDeadline)
            {
                LogLost(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
                return true;
            }
        }

        return false;
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        try
        {
            V1Lease lease;
            try
            {
                lease = await _client.CoordinationV1.ReadNamespacedLeaseAsync(_options.LeaseName, _options.LeaseNamespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                await _client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
                {
                    Metadata = new V1ObjectMeta
                    {
                        Name = _options.LeaseName,
                        NamespaceProperty = _options.LeaseNamespace,
                        Annotations = _options.Annotations.Count == 0 ? null : new Dictionary<string, string>(_options.Annotations),
                    },
                    Spec = new V1LeaseSpec
                    {
                        HolderIdentity = _options.Identity,
                        LeaseDurationSeconds = Seconds(_options.LeaseDuration),
                        AcquireTime = now.UtcDateTime,
                        RenewTime = now.UtcDateTime,
                        LeaseTransitions = 0,
                    },
                }, _options.LeaseNamespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                Observe(null, now);
                return true;
            }

            var spec = lease.Spec ?? new V1LeaseSpec();
            var record = $"{spec.HolderIdentity}|{spec.RenewTime:O}|{spec.AcquireTime:O}|{spec.LeaseDurationSeconds}|{spec.LeaseTransitions}";
            if (record != _observedRecord)
            {
                Observe(record, now);
            }

            var holder = spec.HolderIdentity;
            var heldByUs = holder == _options.Identity;
            var duration = TimeSpan.FromSeconds(spec.LeaseDurationSeconds ?? 0);
            if (!string.IsNullOrEmpty(holder) && !heldByUs && _observedTime + duration > now)
            {
                _isLeader = false;
                return false;
            }

            if (_isLeader && !heldByUs)
            {
                // Someone took the lease from us; do not fight back while we believe we lead.
                _isLeader = false;
                return false;
            }

            lease.Spec = new V1LeaseSpec
            {
                HolderIdentity = _options.Identity,
                LeaseDurationSeconds = Seconds(_options.LeaseDuration),
                AcquireTime = heldByUs ? spec.AcquireTime : now.UtcDateTime,
                RenewTime = now.UtcDateTime,
                LeaseTransitions = heldByUs ? spec.LeaseTransitions : (spec.LeaseTransitions ?? 0) + 1,
            };
            foreach (var (key, value) in _options.Annotations)
            {
                (lease.Metadata.Annotations ??= new Dictionary<string, string>())[key] = value;
            }

            var updated = await _client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, _options.LeaseName, _options.LeaseNamespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            var s = updated.Spec!;
            Observe($"{s.HolderIdentity}|{s.RenewTime:O}|{s.AcquireTime:O}|{s.LeaseDurationSeconds}|{s.LeaseTransitions}", now);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Another candidate wrote first (optimistic concurrency); try again next period.
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            LogLeaseError(_logger, e, _options.LeaseNamespace, _options.LeaseName);
            return false;
        }
    }

    // client-go's ReleaseOnCancel: keep the record, clear the holder and shorten the duration so a successor takes over now.
    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _time);
        try
        {
            var lease = await _client.CoordinationV1.ReadNamespacedLeaseAsync(_options.LeaseName, _options.LeaseNamespace, cancellationToken: timeout.Token).ConfigureAwait(false);
            if (lease.Spec?.HolderIdentity != _options.Identity)
            {
                return;
            }

            var now = _time.GetUtcNow().UtcDateTime;
            lease.Spec.HolderIdentity = null;
            lease.Spec.LeaseDurationSeconds = 1;
            lease.Spec.RenewTime = now;
            lease.Spec.AcquireTime = now;
            await _client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, _options.LeaseName, _options.LeaseNamespace, cancellationToken: timeout.Token).ConfigureAwait(false);
            LogReleased(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or OperationCanceledException)
        {
            LogLeaseError(_logger, e, _options.LeaseNamespace, _options.LeaseName);
        }
    }

    private void Observe(string? record, DateTimeOffset now)
    {
        _observedRecord = record;
        _observedTime = now;
    }

    private static int Seconds(TimeSpan duration) => Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds));

    // client-go waits RetryPeriod * (1 + up to 1.2) between acquire attempts so candidates spread out.
    private static TimeSpan Jittered(TimeSpan period) => period * (1 + (Random.Shared.NextDouble() * 1.2));

    [LoggerMessage(Level = LogLevel.Information, Message = "{identity} became leader on lease {ns}/{lease}")]
    private static partial void LogAcquired(ILogger logger, string identity, string ns, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{identity} lost leadership on lease {ns}/{lease}")]
    private static partial void LogLost(ILogger logger, string identity, string ns, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "{identity} stopped leading on lease {ns}/{lease}")]
    private static partial void LogStopped(ILogger logger, string identity, string ns, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "{identity} released lease {ns}/{lease}")]
    private static partial void LogReleased(ILogger logger, string identity, string ns, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "lease {ns}/{lease}: API error")]
    private static partial void LogLeaseError(ILogger logger, Exception exception, string ns, string lease);

    [LoggerMessage(Level = LogLevel.Error, Message = "{identity}: the leading callback failed")]
    private static partial void LogLeadingFailed(ILogger logger, Exception exception, string identity);
}
