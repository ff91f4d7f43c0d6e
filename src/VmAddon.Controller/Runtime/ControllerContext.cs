using Microsoft.Extensions.Logging;
using VmAddon.Kube.Events;
using VmAddon.Kube.Metrics;

namespace VmAddon.Controller.Runtime;

/// <summary>What every controller shares: the clock its decisions use, its log, and (optional in tests) events and metrics.</summary>
/// <param name="Time">The clock for decisions and requeue timers.</param>
/// <param name="Log">The controller's logger.</param>
/// <param name="Events">Where Kubernetes Events go; null records none.</param>
/// <param name="Metrics">The vmaddon Meter; null records nothing.</param>
public sealed record ControllerContext(TimeProvider Time, ILogger Log, EventRecorder? Events = null, VmAddonMetrics? Metrics = null)
{
    /// <summary>Records an event when a recorder is configured; best effort, as the recorder is.</summary>
    public Task EventAsync(k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> regarding, string type, string reason, string action, string note, CancellationToken cancellationToken) =>
        Events?.RecordAsync(regarding, type, reason, action, note, cancellationToken) ?? Task.CompletedTask;
}
