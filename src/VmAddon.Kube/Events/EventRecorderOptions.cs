namespace VmAddon.Kube.Events;

/// <summary>Who reports events, and how long repeats fold into one event's series.</summary>
public sealed record EventRecorderOptions
{
    /// <summary>events.k8s.io reportingController, for example vmaddon.io/controller; required.</summary>
    public required string ReportingController { get; init; }

    /// <summary>events.k8s.io reportingInstance, for example the pod or node name; required.</summary>
    public required string ReportingInstance { get; init; }

    /// <summary>Repeats within this window of the last one update the existing event's series; default 6 min, as client-go's tools/events.</summary>
    public TimeSpan SeriesWindow { get; init; } = TimeSpan.FromMinutes(6);

    /// <summary>At most this many distinct events are remembered for aggregation; default 4096 (client-go's LRU size).</summary>
    public int MaxTrackedEvents { get; init; } = 4096;
}
