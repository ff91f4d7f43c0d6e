using System.Globalization;
using k8s;
using k8s.Models;

namespace VmAddon.DevCluster.Tests.Load;

/// <summary>A watch from a resourceVersion replays every retained change after it, as a reflector resuming after a dropped connection needs.</summary>
[Collection(LoadCollection.Name)]
public sealed class WatchReplayTests
{
    // More than the 1,000 events a watcher may queue, fewer than the 10,000 changes the server keeps.
    private const int Changes = 2_500;
    private const string Ns = "replay";
    private const string Name = "counter";

    [Fact]
    public async Task A_Watch_From_A_ResourceVersion_Replays_More_Changes_Than_A_Watcher_May_Queue_Without_An_Error()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = deadline.Token;
        await using var cluster = await LoadCluster.StartAsync([Ns], ct);
        var writer = cluster.NewClient();
        var start = (await writer.CoreV1.ListNamespacedConfigMapAsync(Ns, cancellationToken: ct)).Metadata.ResourceVersion;
        var configMap = await writer.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Ns },
            Data = new Dictionary<string, string> { ["n"] = "0" },
        }, Ns, cancellationToken: ct);
        var expected = new List<SeenEvent> { Seen(WatchEventType.Added, configMap) };
        for (var n = 1; n < Changes; n++)
        {
            configMap.Data["n"] = n.ToString(CultureInfo.InvariantCulture);
            configMap = await writer.CoreV1.ReplaceNamespacedConfigMapAsync(configMap, Name, Ns, cancellationToken: ct);
            expected.Add(Seen(WatchEventType.Modified, configMap));
        }

        var recorder = new WatchRecorder(new WatchSpec(ObjectKind.ConfigMap, Ns, null, new HashSet<string>()), cluster.NewClient(), start);
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(() => recorder.RunAsync(stop.Token), CancellationToken.None);
        await recorder.ReachedAsync(Version(configMap)).WaitAsync(TimeSpan.FromSeconds(60), ct);
        await stop.CancelAsync();
        await reading;

        recorder.Failure.Should().BeNull();
        recorder.TooSlowResumes.Should().Be(0, "replaying retained changes is not falling behind (kube-apiserver's watch cache replays its whole window)");
        recorder.Events.Should().Equal(expected);
    }

    private static long Version(V1ConfigMap configMap) => long.Parse(configMap.Metadata.ResourceVersion, CultureInfo.InvariantCulture);

    private static SeenEvent Seen(WatchEventType type, V1ConfigMap configMap) => new(type, Ns, Name, Version(configMap));
}
