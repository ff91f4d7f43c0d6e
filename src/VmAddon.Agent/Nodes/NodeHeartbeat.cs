using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using VmAddon.Agent.Logging;
using VmAddon.Api;

namespace VmAddon.Agent.Nodes;

/// <summary>Marks the agent's node schedulable for VMs and stamps its heartbeat, once at startup and then every interval.</summary>
internal sealed class NodeHeartbeat(IKubernetes client, string node, TimeSpan interval, TimeProvider time, ILogger log)
{
    /// <summary>Writes one heartbeat; fails when the API does not take it.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var patch = JsonSerializer.Serialize(new
        {
            metadata = new
            {
                labels = new Dictionary<string, string> { [VmAddonMetadata.SchedulableNodeLabel] = "true" },
                annotations = new Dictionary<string, string> { [VmAddonMetadata.HeartbeatAnnotation] = stamp },
            },
        });
        await client.CoreV1.PatchNodeAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), node, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Beats every interval until cancelled; a failed beat is logged and the next one tried on time.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await BeatAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    AgentLog.HeartbeatFailed(log, node, e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
