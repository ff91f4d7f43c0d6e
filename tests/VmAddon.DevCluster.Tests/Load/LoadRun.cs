using System.Diagnostics;
using System.Globalization;
using k8s;

namespace VmAddon.DevCluster.Tests.Load;

/// <summary>
/// One load run, shared by the load tests: vmaddon-dev over HTTP, 100 watches on 20 clients (all namespaces, one namespace, label-selected;
/// ConfigMaps and VirtualMachines), and 8 writer clients that create 10,000 objects and update, relabel and delete a share of them.
/// It keeps what every client read, and the phase timings the tests print.
/// </summary>
public sealed class LoadRun : IAsyncLifetime
{
    public const int ObjectCount = 10_000;
    private const int WriterCount = 8;
    private const int WatchClientCount = 20;
    private const int NamespaceCount = 10;
    private const int PageSize = 500;

    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _report = [];
    private LoadCluster? _cluster;

    public LoadRun() => Journal = new WriteJournal(Plan.Writes / 2);

    internal LoadPlan Plan { get; } = LoadPlan.Create(ObjectCount, WriterCount, NamespaceCount, seed: 20_260_102);

    internal WriteJournal Journal { get; }

    internal IReadOnlyList<WatchRecorder> Recorders { get; private set; } = [];

    /// <summary>The resourceVersion of each delete, as the watches of all objects saw it (a delete's response carries none).</summary>
    internal IReadOnlyDictionary<ObjectRef, long> Deletions { get; private set; } = new Dictionary<ObjectRef, long>();

    /// <summary>Deletes two watches saw at different resourceVersions.</summary>
    internal IReadOnlyList<string> DeletionConflicts { get; private set; } = [];

    internal IReadOnlyDictionary<ObjectKind, PagedList> MidRunLists { get; private set; } = new Dictionary<ObjectKind, PagedList>();

    internal IReadOnlyDictionary<ObjectKind, PagedList> FinalLists { get; private set; } = new Dictionary<ObjectKind, PagedList>();

    /// <summary>Phase timings and counts, for the test output (DESIGN §6: reported, never asserted).</summary>
    internal IReadOnlyList<string> Report => _report;

    public async Task InitializeAsync()
    {
        // A hang must fail the run, not stall CI; the run itself takes well under a minute.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        deadline.CancelAfter(TimeSpan.FromMinutes(3));
        var ct = deadline.Token;
        var total = Stopwatch.StartNew();
        _cluster = await LoadCluster.StartAsync(Plan.Namespaces, ct);
        var admin = _cluster.NewClient();
        var start = (await admin.CoreV1.ListNamespaceAsync(cancellationToken: ct)).Metadata.ResourceVersion;

        var watchClients = Enumerable.Range(0, WatchClientCount).Select(_ => _cluster.NewClient()).ToList();
        Recorders = [.. WatchSpecs(Plan.Namespaces).Select((spec, i) => new WatchRecorder(spec, watchClients[i % WatchClientCount], start))];
        var reading = Recorders.Select(r => Task.Run(() => r.RunAsync(_stop.Token), CancellationToken.None)).ToList();
        await FenceAsync(admin, "fence-start", ct);
        Note($"setup: server, CRD, {Plan.Namespaces.Count} namespaces, {Recorders.Count} watches on {WatchClientCount} clients open and live in {total.Elapsed.TotalSeconds:0.0} s");

        var phase = Stopwatch.StartNew();
        var lister = _cluster.NewClient();
        var midRun = ListMidRunAsync(lister, ct);
        await Task.WhenAll(Plan.Writers.Select(writes => new LoadWriter(_cluster.NewClient(), Journal).RunAsync(writes, ct)));
        var writing = phase.Elapsed;
        Note($"writes: {Plan.Writes} by {WriterCount} clients ({ObjectCount} creates, the rest updates, relabels, deletes) in {writing.TotalSeconds:0.0} s = {Plan.Writes / writing.TotalSeconds:0} writes/s");
        await midRun;

        phase.Restart();
        await FenceAsync(admin, "fence-end", ct);
        Note($"watches caught up {phase.Elapsed.TotalMilliseconds:0} ms after the last write; {Recorders.Sum(r => r.Events.Count)} events read in all");
        Note($"watch resumes after a 410 too-slow ERROR: {Recorders.Sum(r => r.TooSlowResumes)}; reopens after a clean end: {Recorders.Sum(r => r.Reopens)}");

        FinalLists = new Dictionary<ObjectKind, PagedList>
        {
            [ObjectKind.ConfigMap] = await PagedLister.ListAsync(lister, ObjectKind.ConfigMap, PageSize, ct),
            [ObjectKind.VirtualMachine] = await PagedLister.ListAsync(lister, ObjectKind.VirtualMachine, PageSize, ct),
        };
        foreach (var (kind, list) in FinalLists)
        {
            Note($"paged list of {list.Items.Count} {kind}s, limit {PageSize}: {list.PageVersions.Count} pages in {list.Took.TotalMilliseconds:0} ms");
        }

        await _stop.CancelAsync();
        await Task.WhenAll(reading);
        ResolveDeletions();
        Note($"whole run {total.Elapsed.TotalSeconds:0.0} s");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _stop.Dispose();
    }

    // 100 watches: per kind, some on all objects, some on one namespace, some label-selected in all namespaces or in one.
    private static List<WatchSpec> WatchSpecs(IReadOnlyList<string> namespaces)
    {
        var everyShard = LoadPlan.Shards.ToHashSet();
        var specs = new List<WatchSpec>();
        foreach (var (kind, unfiltered, perNamespace, selected, selectedPerNamespace) in (ReadOnlySpan<(ObjectKind, int, int, int, int)>)
                 [(ObjectKind.ConfigMap, 4, 20, 12, 24), (ObjectKind.VirtualMachine, 4, 10, 10, 16)])
        {
            specs.AddRange(Enumerable.Range(0, unfiltered).Select(_ => new WatchSpec(kind, null, null, everyShard)));
            specs.AddRange(Enumerable.Range(0, perNamespace).Select(i => new WatchSpec(kind, namespaces[i % namespaces.Count], null, everyShard)));
            specs.AddRange(Enumerable.Range(0, selected).Select(i => Selected(kind, null, i)));
            specs.AddRange(Enumerable.Range(0, selectedPerNamespace).Select(i => Selected(kind, namespaces[i % namespaces.Count], i + 3)));
        }

        return specs;

        static WatchSpec Selected(ObjectKind kind, string? ns, int i)
        {
            var (selector, shards) = WatchSpec.Selectors[i % WatchSpec.Selectors.Count];
            return new WatchSpec(kind, ns, selector, shards.ToHashSet());
        }
    }

    // Writes one object per kind, namespace and shard, then waits until every watch has read the last of those it selects.
    private async Task FenceAsync(IKubernetes client, string name, CancellationToken cancellationToken)
    {
        var fence = Plan.Fence(name);
        await new LoadWriter(client, Journal).RunAsync(fence, cancellationToken);
        var targets = Recorders.Select(r => (Recorder: r, Target: fence.Where(f => r.Spec.Matches(f.Object, f.Shard)).Max(f => Journal.Objects[f.Object][0].ResourceVersion))).ToList();
        try
        {
            await Task.WhenAll(targets.Select(t => t.Recorder.ReachedAsync(t.Target))).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch (TimeoutException)
        {
            var behind = targets.Where(t => t.Recorder.Latest < t.Target).Select(t => $"{t.Recorder.Spec} at {t.Recorder.Latest}, not {t.Target}");
            throw new TimeoutException($"{name}: watches still behind after 60 s: {string.Join("; ", behind)}");
        }
    }

    private async Task ListMidRunAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        await Journal.Midpoint.WaitAsync(cancellationToken);
        MidRunLists = new Dictionary<ObjectKind, PagedList>
        {
            [ObjectKind.ConfigMap] = await PagedLister.ListAsync(client, ObjectKind.ConfigMap, PageSize, cancellationToken),
            [ObjectKind.VirtualMachine] = await PagedLister.ListAsync(client, ObjectKind.VirtualMachine, PageSize, cancellationToken),
        };
        Note($"paged lists during the writes: {string.Join(", ", MidRunLists.Select(l => $"{l.Value.Items.Count} {l.Key}s in {l.Value.PageVersions.Count} pages, {l.Value.Took.TotalMilliseconds:0} ms"))}");
    }

    private void ResolveDeletions()
    {
        var deletions = new Dictionary<ObjectRef, long>();
        var conflicts = new List<string>();
        foreach (var recorder in Recorders.Where(r => r.Spec.Unfiltered))
        {
            foreach (var deleted in recorder.Events.Where(e => e.Type == WatchEventType.Deleted))
            {
                var obj = new ObjectRef(recorder.Spec.Kind, deleted.Namespace, deleted.Name);
                if (deletions.TryGetValue(obj, out var other) && other != deleted.ResourceVersion)
                {
                    conflicts.Add($"{obj} deleted at {other} and at {deleted.ResourceVersion}");
                }

                deletions.TryAdd(obj, deleted.ResourceVersion);
            }
        }

        Deletions = deletions;
        DeletionConflicts = conflicts;
    }

    private void Note(FormattableString line)
    {
        lock (_report)
        {
            _report.Add(line.ToString(CultureInfo.InvariantCulture));
        }
    }
}
