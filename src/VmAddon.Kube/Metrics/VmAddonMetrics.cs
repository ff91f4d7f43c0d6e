using System.Diagnostics;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace VmAddon.Kube.Metrics;

/// <summary>The "vmaddon" Meter: reconciles, queue depth, API requests and VMI phase transitions.</summary>
public sealed class VmAddonMetrics : IDisposable
{
    public const string MeterName = "vmaddon";

    // Seconds; a reconcile is usually milliseconds, a slow one seconds.
    private static readonly double[] _reconcileBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    // Seconds; a VMI goes from Pending to Running in seconds to minutes.
    private static readonly double[] _phaseBuckets = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600];

    private readonly Meter _meter;
    private readonly Counter<long> _reconciles;
    private readonly Histogram<double> _reconcileDuration;
    private readonly Counter<long> _apiRequests;
    private readonly Histogram<double> _phaseTransition;
    private readonly ConcurrentDictionary<object, (string Queue, Func<long> Depth)> _queues = new();

    public VmAddonMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(new MeterOptions(MeterName)) ?? new Meter(MeterName);
        // The Prometheus exporter adds _total to counters and the unit suffix to the rest.
        _reconciles = _meter.CreateCounter<long>("vmaddon_reconcile", description: "Reconciles by controller and result.");
        _reconcileDuration = _meter.CreateHistogram("vmaddon_reconcile_duration_seconds", "s", "Reconcile duration by controller and result.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = _reconcileBuckets });
        _apiRequests = _meter.CreateCounter<long>("vmaddon_api_requests", description: "Kubernetes API requests by verb, resource and status code.");
        _phaseTransition = _meter.CreateHistogram("vmaddon_vmi_phase_transition_seconds", "s", "Time from VMI creation to entering a phase, by phase.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = _phaseBuckets });
        _meter.CreateObservableGauge("vmaddon_workqueue_depth", ObserveQueues, description: "Keys waiting in each work queue.");
    }

    /// <summary>Counts one reconcile and its duration; result is for example success, error or requeue.</summary>
    public void RecordReconcile(string controller, string result, TimeSpan duration)
    {
        var tags = new TagList { { "controller", controller }, { "result", result } };
        _reconciles.Add(1, tags);
        _reconcileDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Counts one API request; verb as kube-apiserver names it (get, list, watch, create, update, patch, delete).</summary>
    public void RecordApiRequest(string verb, string resource, int statusCode) =>
        _apiRequests.Add(1, new TagList { { "verb", verb }, { "resource", resource }, { "code", statusCode } });

    /// <summary>Records how long a VMI took to reach <paramref name="phase"/>.</summary>
    public void RecordPhaseTransition(string phase, TimeSpan sinceCreation) =>
        _phaseTransition.Record(sinceCreation.TotalSeconds, new KeyValuePair<string, object?>("phase", phase));

    /// <summary>Reports a work queue's depth on each collection until the returned handle is disposed.</summary>
    public IDisposable RegisterQueueDepth(string queue, Func<long> depth)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentNullException.ThrowIfNull(depth);
        var registration = new QueueRegistration(this);
        _queues[registration] = (queue, depth);
        return registration;
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveQueues() =>
        _queues.Values.Select(q => new Measurement<long>(q.Depth(), new KeyValuePair<string, object?>("name", q.Queue))).ToList();

    private sealed class QueueRegistration(VmAddonMetrics owner) : IDisposable
    {
        public void Dispose() => owner._queues.TryRemove(this, out _);
    }
}
