using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace VmAddon.DevCluster.NodeLifecycle;

/// <summary>
/// Writes core/v1 Events as client-go's record.EventRecorder does for kube-controller-manager's controllers: named
/// "&lt;object&gt;.&lt;hex nanoseconds&gt;", with source.component and reportingComponent set to the controller, count 1 and
/// first and last timestamps. Cluster-scoped objects (nodes) get their events in "default". Best effort: a failed write is logged.
/// </summary>
internal sealed class CoreEventRecorder(IKubernetes client, string component, TimeProvider time, ILogger log)
{
    public async Task RecordAsync(V1ObjectReference regarding, string type, string reason, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ns = string.IsNullOrEmpty(regarding.NamespaceProperty) ? "default" : regarding.NamespaceProperty;
        var stamp = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).UtcDateTime;
        try
        {
            await client.CoreV1.CreateNamespacedEventAsync(
                new Corev1Event
                {
                    Metadata = new V1ObjectMeta { Name = $"{regarding.Name}.{(now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100:x}", NamespaceProperty = ns },
                    InvolvedObject = regarding,
                    Reason = reason,
                    Message = message,
                    Type = type,
                    Count = 1,
                    FirstTimestamp = stamp,
                    LastTimestamp = stamp,
                    Source = new V1EventSource { Component = component },
                    ReportingComponent = component,
                    ReportingInstance = "",
                },
                ns,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            NodeLifecycleLog.EventFailed(log, reason, regarding.Kind, regarding.Name, e);
        }
    }
}
