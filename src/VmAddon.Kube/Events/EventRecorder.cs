using System.Globalization;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VmAddon.Kube.Events;

/// <summary>
/// Records events.k8s.io/v1 Events about objects, as client-go's tools/events recorder does: the first occurrence
/// creates an Event, repeats within <see cref="EventRecorderOptions.SeriesWindow"/> patch its series (count and
/// lastObservedTime) instead of creating more. Best effort: failures are logged, never thrown to the caller.
/// </summary>
/// <remarks>
/// events.k8s.io/v1 rather than core/v1 because it is the current API (client-go's tools/record is the legacy one),
/// it has first-class reportingController/reportingInstance, action and series fields, and kubectl describe shows it
/// through the API server's conversion to core/v1.
/// </remarks>
public sealed partial class EventRecorder
{
    private const int MaxNoteLength = 1024;
    private readonly IKubernetes _client;
    private readonly EventRecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Occurrence> _series = new(StringComparer.Ordinal);

    public EventRecorder(IKubernetes client, EventRecorderOptions options, TimeProvider? timeProvider = null, ILogger<EventRecorder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ReportingController);
        ArgumentException.ThrowIfNullOrEmpty(options.ReportingInstance);
        _client = client;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Records an event about <paramref name="regarding"/>; completes normally even when the API call fails.</summary>
    public async Task RecordAsync(IKubernetesObject<V1ObjectMeta> regarding, string type, string reason, string action, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regarding);
        var reference = new V1ObjectReference
        {
            ApiVersion = regarding.ApiVersion,
            Kind = regarding.Kind,
            Name = regarding.Metadata?.Name,
            NamespaceProperty = regarding.Metadata?.NamespaceProperty,
            Uid = regarding.Metadata?.Uid,
            ResourceVersion = regarding.Metadata?.ResourceVersion,
        };
        await RecordAsync(reference, type, reason, action, note, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records an event about the referenced object; completes normally even when the API call fails.</summary>
    public async Task RecordAsync(V1ObjectReference regarding, string type, string reason, string action, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regarding);
        note = note.Length > MaxNoteLength ? note[..MaxNoteLength] : note;
        var ns = string.IsNullOrEmpty(regarding.NamespaceProperty) ? "default" : regarding.NamespaceProperty;
        var key = string.Join('\u0000', regarding.ApiVersion, regarding.Kind, ns, regarding.Name, regarding.Uid, type, reason, action, note);
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            var now = _time.GetUtcNow();
            if (_series.TryGetValue(key, out var seen) && now - seen.LastObserved < _options.SeriesWindow)
            {
                var count = seen.Count + 1;
                if (await PatchSeriesAsync(seen, count, now, cancellationToken).ConfigureAwait(false))
                {
                    _series[key] = seen with { Count = count, LastObserved = now };
                    return;
                }
            }

            var created = await _client.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event
            {
                Metadata = new V1ObjectMeta
                {
                    Name = $"{regarding.Name}.{(now.ToUnixTimeMilliseconds() * 1_000_000L) + Random.Shared.Next(1_000_000):x}",
                    NamespaceProperty = ns,
                },
                EventTime = now.UtcDateTime,
                Regarding = regarding,
                Type = type,
                Reason = reason,
                Action = action,
                Note = note,
                ReportingController = _options.ReportingController,
                ReportingInstance = _options.ReportingInstance,
            }, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            Remember(key, new Occurrence(ns, created.Metadata.Name, 1, now));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller is shutting down; an event is not worth delaying that.
        }
        catch (Exception e)
        {
            // Best effort by contract: an event must never fail the reconcile that reports it.
            LogRecordFailed(_logger, e, type, reason, ns, regarding.Name);
        }
        finally
        {
            _gate.Release();
        }
    }

    // False when the event is gone (it expired or was deleted), so a new one is created.
    private async Task<bool> PatchSeriesAsync(Occurrence seen, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var observed = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var patch = "{\"series\":{\"count\":" + count.ToString(CultureInfo.InvariantCulture) + ",\"lastObservedTime\":\"" + observed + "\"}}";
        try
        {
            await _client.EventsV1.PatchNamespacedEventAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), seen.Name, seen.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private void Remember(string key, Occurrence occurrence)
    {
        if (_series.Count >= _options.MaxTrackedEvents && !_series.ContainsKey(key))
        {
            var oldest = _series.MinBy(kv => kv.Value.LastObserved).Key;
            _series.Remove(oldest);
        }

        _series[key] = occurrence;
    }

    private sealed record Occurrence(string Namespace, string Name, int Count, DateTimeOffset LastObserved);

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not record {type} event {reason} about {namespace}/{name}")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string type, string reason, string @namespace, string name);
}
