using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;
using VmAddon.Api;
using VmAddon.DevCluster.Http;
using VmAddon.TestHost;

namespace VmAddon.Bench;

/// <summary>
/// vmaddon-dev, the dev API server, under KubernetesClient clients over real HTTP on loopback: creates per second, list latency at
/// 10,000 objects, and how long a write takes to reach its watchers. Server and clients share this process and its two cores.
/// </summary>
internal static class ApiServerBench
{
    private const int Clients = 8;
    private const int ConfigMaps = 10_000;
    private const int VirtualMachines = 5_000;
    private const int ListRounds = 5;
    private const int PageSize = 500;
    private const int WatchedWrites = 200;
    private const int WarmUpWrites = 20;
    private const int FannedOutCreates = 5_000;
    private const string Objects = "bench";
    private const string Watched = "bench-watch";
    private const string FannedOut = "bench-fanout";

    // kube-apiserver's official SLOs (kubernetes/community, sig-scalability/slos/slos.md); they hold per cluster-day, not per benchmark run.
    private const string MutatingSlo = "kube SLO: P99 ≤ 1 s (mutating calls)";
    private const string NamespaceListSlo = "kube SLO: P99 ≤ 5 s (namespace-scope LIST)";
    private const string WatchSli = "kube: no SLO (watch latency SLI is WIP)";

    public static async Task<IReadOnlyList<Measurement>> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var server = await ApiServer.StartAsync(new ApiServerOptions(), cancellationToken: cancellationToken);
        var clients = Enumerable.Range(0, Clients).Select(_ => Client(server)).ToList();
        try
        {
            await PrepareAsync(clients[0], cancellationToken);
            var rows = new List<Measurement>();
            rows.AddRange(await CreatesAsync("ConfigMap", ConfigMaps, clients, (client, i, ct) => client.CoreV1.CreateNamespacedConfigMapAsync(
                new V1ConfigMap { Metadata = Metadata($"cm-{i:00000}"), Data = new Dictionary<string, string> { ["index"] = i.ToString(CultureInfo.InvariantCulture) } },
                Objects, cancellationToken: ct), cancellationToken));
            rows.AddRange(await CreatesAsync("VirtualMachine", VirtualMachines, clients, (client, i, ct) => client.CustomObjects.CreateNamespacedCustomObjectAsync<VirtualMachine>(
                new VirtualMachine
                {
                    Metadata = Metadata($"vm-{i:00000}"),
                    Spec = new VirtualMachineSpec { RunStrategy = RunStrategy.Halted, Template = new VirtualMachineInstanceTemplateSpec { Spec = new VirtualMachineInstanceSpec() } },
                },
                ApiGroup.Group, ApiGroup.Version, Objects, VirtualMachine.Plural, cancellationToken: ct), cancellationToken));
            rows.Add(await CreatesWatchedAsync(server, clients, 100, cancellationToken));
            rows.AddRange(await ListsAsync(clients[0], cancellationToken));
            foreach (var watchers in (int[])[1, 100])
            {
                rows.Add(await WatchDeliveryAsync(server, clients[0], watchers, cancellationToken));
            }

            return rows;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task PrepareAsync(Kubernetes client, CancellationToken cancellationToken)
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(
            await File.ReadAllTextAsync(Path.Combine(Repository.Root, "crds", "virtualmachines.vmaddon.io.yaml"), cancellationToken));
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while ((await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name, cancellationToken: deadline.Token))
               .Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") != true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }

        foreach (var ns in (string[])[Objects, Watched, FannedOut])
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: cancellationToken);
        }
    }

    // Each client creates every Clients-th object, one request at a time, as separate controllers would.
    private static async Task<IReadOnlyList<Measurement>> CreatesAsync<T>(
        string kind, int count, IReadOnlyList<Kubernetes> clients, Func<Kubernetes, int, CancellationToken, Task<T>> create, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
        {
            for (var i = c; i < count; i += clients.Count)
            {
                var started = Stopwatch.GetTimestamp();
                await create(client, i, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }, cancellationToken)));
        var elapsed = watch.Elapsed;
        var sorted = latencies.Order().ToList();
        return
        [
            new Measurement($"dev API server: {kind} creates/s ({clients.Count} KubernetesClient clients)", Format($"{count / elapsed.TotalSeconds:0}/s"), "",
                Format($"{count} creates in {elapsed.TotalSeconds:0.0} s, no watches open")),
            new Measurement($"dev API server: {kind} create latency ({clients.Count} clients)", Format($"P50 {Percentile(sorted, 50):0.0} ms, P99 {Percentile(sorted, 99):0.0} ms"),
                MutatingSlo, "request to response, seen by the client"),
        ];
    }

    // The issue's load: while the clients create, 100 watches (on 20 clients) read every create; the server drops a watch 1,000 events behind.
    private static async Task<Measurement> CreatesWatchedAsync(ApiServer server, IReadOnlyList<Kubernetes> clients, int watchers, CancellationToken cancellationToken)
    {
        var from = (await clients[0].CoreV1.ListNamespacedConfigMapAsync(FannedOut, cancellationToken: cancellationToken)).Metadata.ResourceVersion;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watchClients = Enumerable.Range(0, 20).Select(_ => Client(server)).ToList();
        var tooSlow = 0;
        var finished = 0;
        var allFinished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Enumerable.Range(0, watchers).Select(w => Task.Run(async () =>
        {
            var read = 0;
            try
            {
                await foreach (var _ in watchClients[w % watchClients.Count].CoreV1.WatchListNamespacedConfigMapAsync(
                    FannedOut, resourceVersion: from, onError: e => Interlocked.Increment(ref tooSlow), cancellationToken: stop.Token))
                {
                    if (++read == FannedOutCreates)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The measurement is over.
            }
            finally
            {
                if (Interlocked.Increment(ref finished) == watchers)
                {
                    allFinished.TrySetResult();
                }
            }
        }, CancellationToken.None)).ToList();

        try
        {
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
            {
                for (var i = c; i < FannedOutCreates; i += clients.Count)
                {
                    await client.CoreV1.CreateNamespacedConfigMapAsync(
                        new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"fan-{i:00000}", NamespaceProperty = FannedOut } }, FannedOut, cancellationToken: cancellationToken);
                }
            }, cancellationToken)));
            var creating = watch.Elapsed;
            await allFinished.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
            var caughtUp = watch.Elapsed - creating;
            return new Measurement($"dev API server: ConfigMap creates/s, {watchers} watches reading every create", Format($"{FannedOutCreates / creating.TotalSeconds:0}/s"), "",
                Format($"{FannedOutCreates} creates in {creating.TotalSeconds:0.0} s by {clients.Count} clients; last watch done {caughtUp.TotalMilliseconds:0} ms later; {tooSlow} closed as too slow (410)"));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(reading);
            watchClients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<IReadOnlyList<Measurement>> ListsAsync(Kubernetes client, CancellationToken cancellationToken)
    {
        var full = new Samples();
        var paged = new Samples();
        var pages = 0;
        for (var round = 0; round <= ListRounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var list = await client.CoreV1.ListNamespacedConfigMapAsync(Objects, cancellationToken: cancellationToken);
            var fullMs = watch.Elapsed.TotalMilliseconds;
            Expect(list.Items.Count == ConfigMaps, $"a full list returned {list.Items.Count} ConfigMaps, not {ConfigMaps}");

            watch.Restart();
            var (items, count) = (0, 0);
            string? token = null;
            do
            {
                var page = await client.CoreV1.ListNamespacedConfigMapAsync(Objects, continueParameter: token, limit: PageSize, cancellationToken: cancellationToken);
                items += page.Items.Count;
                count++;
                token = page.Metadata.ContinueProperty;
            }
            while (!string.IsNullOrEmpty(token));

            var pagedMs = watch.Elapsed.TotalMilliseconds;
            Expect(items == ConfigMaps, $"a paged list returned {items} ConfigMaps, not {ConfigMaps}");

            // Round 0 warms the JIT and the connection; it is not counted.
            if (round > 0)
            {
                full.Add(fullMs);
                paged.Add(pagedMs);
                pages = count;
            }
        }

        return
        [
            new Measurement($"dev API server: list {ConfigMaps} ConfigMaps, one request", full.Format("ms"), NamespaceListSlo, "median (n, min–max); KubernetesClient, deserialized"),
            new Measurement($"dev API server: list {ConfigMaps} ConfigMaps, limit={PageSize}", paged.Format("ms"), NamespaceListSlo, Format($"all {pages} pages; median (n, min–max)")),
        ];
    }

    // One write at a time to one ConfigMap; the next write waits until every watcher has read the last.
    private static async Task<Measurement> WatchDeliveryAsync(ApiServer server, Kubernetes writer, int watchers, CancellationToken cancellationToken)
    {
        var name = $"delivery-{watchers}";
        var configMap = await writer.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Watched }, Data = new Dictionary<string, string> { ["n"] = "0" } },
            Watched, cancellationToken: cancellationToken);
        var from = configMap.Metadata.ResourceVersion;
        var arrivals = new ConcurrentDictionary<string, Arrivals>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watchClients = Enumerable.Range(0, Math.Min(watchers, 20)).Select(_ => Client(server)).ToList();
        var errors = new ConcurrentQueue<Exception>();
        var reading = Enumerable.Range(0, watchers).Select(w => Task.Run(async () =>
        {
            try
            {
                await foreach (var (_, seen) in watchClients[w % watchClients.Count].CoreV1.WatchListNamespacedConfigMapAsync(
                    Watched, fieldSelector: $"metadata.name={name}", resourceVersion: from, onError: errors.Enqueue, cancellationToken: stop.Token))
                {
                    var now = Stopwatch.GetTimestamp();
                    arrivals.GetOrAdd(seen.Metadata.ResourceVersion, _ => new Arrivals(watchers)).Add(now);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The measurement is over.
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        }, CancellationToken.None)).ToList();

        var latencies = new List<double>();
        try
        {
            for (var n = 1; n <= WarmUpWrites + WatchedWrites; n++)
            {
                configMap.Data["n"] = n.ToString(CultureInfo.InvariantCulture);
                configMap = await writer.CoreV1.ReplaceNamespacedConfigMapAsync(configMap, name, Watched, cancellationToken: cancellationToken);
                var responded = Stopwatch.GetTimestamp();
                var arrived = arrivals.GetOrAdd(configMap.Metadata.ResourceVersion, _ => new Arrivals(watchers));
                await Task.WhenAny(arrived.All, Task.Delay(TimeSpan.FromSeconds(30), cancellationToken));
                Expect(errors.IsEmpty, $"a watch failed: {string.Join("; ", errors.Select(e => e.Message).Distinct())}");
                Expect(arrived.All.IsCompleted, $"after 30 s, {arrived.Times.Count()} of {watchers} watchers had read the write at resourceVersion {configMap.Metadata.ResourceVersion}");
                if (n > WarmUpWrites)
                {
                    // An event may be read before the writer has its response; that counts as no delay.
                    latencies.AddRange(arrived.Times.Select(t => Math.Max(0, Stopwatch.GetElapsedTime(responded, t).TotalMilliseconds)));
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(reading);
            watchClients.ForEach(c => c.Dispose());
        }

        var sorted = latencies.Order().ToList();
        var early = sorted.Count(l => l == 0) * 100.0 / sorted.Count;
        return new Measurement($"dev API server: watch delivery to {watchers} watcher{(watchers == 1 ? "" : "s")}",
            Format($"P50 {Percentile(sorted, 50):0.00} ms, P99 {Percentile(sorted, 99):0.00} ms"), WatchSli,
            Format($"write response → event read by each KubernetesClient watch; {WatchedWrites} writes × {watchers}, one at a time; {early:0}% read before the response (counted 0)"));
    }

    private static Kubernetes Client(ApiServer server) => new(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() });

    private static V1ObjectMeta Metadata(string name) => new() { Name = name, NamespaceProperty = Objects, Labels = new Dictionary<string, string> { ["app"] = "bench" } };

    private static double Percentile(IReadOnlyList<double> sorted, int percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }

    /// <summary>When each watcher read one event; completes once all have.</summary>
    private sealed class Arrivals(int watchers)
    {
        private readonly ConcurrentQueue<long> _times = new();
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task All => _all.Task;

        public IEnumerable<long> Times => _times;

        public void Add(long timestamp)
        {
            _times.Enqueue(timestamp);
            if (_times.Count >= watchers)
            {
                _all.TrySetResult();
            }
        }
    }
}
