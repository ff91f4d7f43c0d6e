using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>
/// Writes events.k8s.io/v1 Events as kube-scheduler's recorder does: named "&lt;pod&gt;.&lt;hex nanoseconds&gt;", with eventTime,
/// reportingController and reportingInstance, action and note. An event that recurs within six minutes (same pod, reason,
/// action and note) becomes a series: the first event's series.count and lastObservedTime are updated instead of
/// creating another. Events are best effort: a failed write is logged, never thrown.
/// </summary>
internal sealed class SchedulerEventRecorder(IKubernetes client, string controller, string instance, TimeProvider time, ILogger log)
{
    private static readonly TimeSpan SeriesWindow = TimeSpan.FromMinutes(6);

    // kube-apiserver's limit on an event note.
    private const int NoteLimit = 1024;

    private readonly Dictionary<(string Uid, string Reason, string Action, string Note), Recorded> _recent = [];

    public async Task RecordAsync(V1Pod pod, string type, string reason, string action, string note, CancellationToken cancellationToken)
    {
        note = Truncate(note);
        var now = time.GetUtcNow();
        Prune(now);
        var key = (pod.Metadata.Uid ?? "", reason, action, note);
        try
        {
            if (_recent.TryGetValue(key, out var recorded))
            {
                recorded = recorded with { Count = recorded.Count + 1, Last = now };
                _recent[key] = recorded;
                var patch = new JsonObject
                {
                    ["series"] = new JsonObject { ["count"] = recorded.Count, ["lastObservedTime"] = ApiTime.MicroTime(now) },
                };
                await client.EventsV1.PatchNamespacedEventAsync(
                    new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), recorded.Name, recorded.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }

            var ns = pod.Metadata.NamespaceProperty ?? "default";
            var name = $"{pod.Metadata.Name}.{(now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100:x}";
            await client.EventsV1.CreateNamespacedEventAsync(
                new Eventsv1Event
                {
                    Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                    EventTime = now.UtcDateTime,
                    ReportingController = controller,
                    ReportingInstance = instance,
                    Action = action,
                    Reason = reason,
                    Regarding = new V1ObjectReference
                    {
                        ApiVersion = "v1",
                        Kind = "Pod",
                        NamespaceProperty = ns,
                        Name = pod.Metadata.Name,
                        Uid = pod.Metadata.Uid,
                        ResourceVersion = pod.Metadata.ResourceVersion,
                    },
                    Note = note,
                    Type = type,
                },
                ns,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            _recent[key] = new Recorded(name, ns, 1, now);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            SchedulerLog.EventFailed(log, reason, pod.Metadata.NamespaceProperty, pod.Metadata.Name, e);
            _recent.Remove(key);
        }
    }

    private static string Truncate(string note) => note.Length <= NoteLimit ? note : note[..(NoteLimit - 4)] + " ...";

    private void Prune(DateTimeOffset now)
    {
        foreach (var stale in _recent.Where(r => now - r.Value.Last > SeriesWindow).Select(r => r.Key).ToList())
        {
            _recent.Remove(stale);
        }
    }

    private sealed record Recorded(string Name, string Namespace, int Count, DateTimeOffset Last);
}
