using System.Globalization;
using k8s;
using k8s.Models;
using Xunit.Abstractions;

namespace VmAddon.DevCluster.Tests.Load;

/// <summary>A watch whose reader stalls is closed with a 410 ERROR once it is 1,000 events behind; resuming from its last resourceVersion loses nothing.</summary>
[Collection(LoadCollection.Name)]
public sealed class SlowWatchTests(ITestOutputHelper output)
{
    // 8 KiB objects, so the 16 KiB receive buffer and the server's send buffer (at most 4 MiB) hold a few hundred events;
    // 3,000 writes are then well past those plus the 1,000 the server queues, and well inside the 10,000 changes it keeps for resuming.
    private const int Updates = 3_000;
    private const string Ns = "slow";
    private const string Name = "big";

    [Fact]
    public async Task A_Watch_Closed_As_Too_Slow_Resumes_From_Its_Last_ResourceVersion_Without_Losing_An_Event()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = deadline.Token;
        await using var cluster = await LoadCluster.StartAsync([Ns], ct);
        var writer = cluster.NewClient();
        var start = (await writer.CoreV1.ListNamespacedConfigMapAsync(Ns, cancellationToken: ct)).Metadata.ResourceVersion;
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorder = new WatchRecorder(new WatchSpec(ObjectKind.ConfigMap, Ns, null, new HashSet<string>()), cluster.NewClient(receiveBufferBytes: 16 * 1024), start, stalled.Task);
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(() => recorder.RunAsync(stop.Token), CancellationToken.None);

        var configMap = await writer.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Ns },
            Data = new Dictionary<string, string> { ["n"] = "0", ["padding"] = new string('x', 8 * 1024) },
        }, Ns, cancellationToken: ct);
        var expected = new List<SeenEvent> { Seen(WatchEventType.Added, configMap) };
        await recorder.ReachedAsync(Version(configMap)).WaitAsync(TimeSpan.FromSeconds(30), ct);
        for (var n = 1; n <= Updates; n++)
        {
            configMap.Data["n"] = n.ToString(CultureInfo.InvariantCulture);
            configMap = await writer.CoreV1.ReplaceNamespacedConfigMapAsync(configMap, Name, Ns, cancellationToken: ct);
            expected.Add(Seen(WatchEventType.Modified, configMap));
        }

        stalled.SetResult();
        await recorder.ReachedAsync(Version(configMap)).WaitAsync(TimeSpan.FromSeconds(60), ct);
        await stop.CancelAsync();
        await reading;

        output.WriteLine($"closed as too slow {recorder.TooSlowResumes} time(s) in {Updates} updates of an 8 KiB ConfigMap; read {recorder.Events.Count} events");
        recorder.Failure.Should().BeNull();
        recorder.TooSlowResumes.Should().BeGreaterThanOrEqualTo(1, "a reader that stops reading falls more than 1,000 events behind and is closed with a 410 ERROR");
        recorder.Events.Should().Equal(expected, "the events before the ERROR, then those replayed from the last resourceVersion read, are every change once");
    }

    private static long Version(V1ConfigMap configMap) => long.Parse(configMap.Metadata.ResourceVersion, CultureInfo.InvariantCulture);

    private static SeenEvent Seen(WatchEventType type, V1ConfigMap configMap) => new(type, Ns, Name, Version(configMap));
}
