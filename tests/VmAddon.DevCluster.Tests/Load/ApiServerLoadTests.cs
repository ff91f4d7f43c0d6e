using Xunit.Abstractions;

namespace VmAddon.DevCluster.Tests.Load;

/// <summary>
/// The issue's load requirement: many concurrent clients, each with several watches, and no event lost or reordered per object,
/// with 10,000 objects and 100 watches on a 2-core machine. Timings go to the test output, never into an assertion (DESIGN §6).
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class ApiServerLoadTests(LoadRun run, ITestOutputHelper output) : IClassFixture<LoadRun>
{
    [Fact]
    public void Every_Watch_Reads_Each_Change_It_Selects_Exactly_Once_In_ResourceVersion_Order()
    {
        foreach (var line in run.Report)
        {
            output.WriteLine(line);
        }

        var problems = run.Recorders
            .Select(r => Compare(r, r.Spec.Expected(run.Journal, run.Deletions)))
            .OfType<string>()
            .ToList();

        run.Recorders.Should().HaveCount(100);
        problems.Should().BeEmpty(
            "every watch reads, per object, ADDED, MODIFIED..., DELETED as written, with strictly increasing resourceVersions; {0} of {1} watches did not:\n{2}",
            problems.Count, run.Recorders.Count, string.Join("\n", problems.Take(10)));
    }

    [Fact]
    public void Every_Delete_Reaches_The_Watches_Of_All_Objects_At_One_ResourceVersion()
    {
        var deletes = run.Journal.Objects.Where(o => o.Value.Any(e => e.Step == WriteStep.Delete)).Select(o => o.Key).ToList();

        deletes.Should().HaveCountGreaterThan(LoadRun.ObjectCount / 20);
        deletes.Where(d => !run.Deletions.ContainsKey(d)).Should().BeEmpty("a watch of all objects sees every delete");
        run.DeletionConflicts.Should().BeEmpty();
    }

    [Fact]
    public void A_Paged_List_After_The_Writes_Returns_Each_Live_Object_Once_At_Its_Last_ResourceVersion()
    {
        foreach (var (kind, list) in run.FinalLists)
        {
            CheckList(kind, list);
        }

        run.FinalLists.Values.Sum(l => l.Items.Count).Should().BeGreaterThan(LoadRun.ObjectCount * 8 / 10);
    }

    [Fact]
    public void A_Paged_List_During_The_Writes_Returns_The_Objects_As_They_Were_At_Its_First_Page()
    {
        run.MidRunLists.Should().HaveCount(2);
        foreach (var (kind, list) in run.MidRunLists)
        {
            CheckList(kind, list);
        }
    }

    private void CheckList(ObjectKind kind, PagedList list)
    {
        var expected = run.Journal.LiveAt(kind, list.ResourceVersion, run.Deletions);
        var listed = list.Items.GroupBy(i => i.Object).ToDictionary(g => g.Key, g => g.Select(i => i.ResourceVersion).ToList());

        list.PageVersions.Should().AllBeEquivalentTo(list.ResourceVersion, "every page of a list is served at its first page's resourceVersion");
        listed.Where(l => l.Value.Count > 1).Select(l => l.Key).Should().BeEmpty($"no {kind} is listed twice");
        expected.Keys.Where(k => !listed.ContainsKey(k)).Should().BeEmpty($"every {kind} that existed at {list.ResourceVersion} is listed");
        listed.Keys.Where(k => !expected.ContainsKey(k)).Should().BeEmpty($"no {kind} that did not exist at {list.ResourceVersion} is listed");
        listed.Where(l => expected.TryGetValue(l.Key, out var version) && l.Value[0] != version)
            .Select(l => $"{l.Key} listed at {l.Value[0]}, not {expected[l.Key]}")
            .Should().BeEmpty($"each {kind} is listed as it was at {list.ResourceVersion}");
    }

    // Strictly increasing resourceVersions and the same set of events imply the exact expected sequence; the message says which part broke.
    private static string? Compare(WatchRecorder recorder, List<SeenEvent> expected)
    {
        var seen = recorder.Events;
        var problems = new List<string>();
        if (recorder.Failure is { } failure)
        {
            problems.Add(failure);
        }

        var backwards = Enumerable.Range(1, Math.Max(0, seen.Count - 1)).FirstOrDefault(i => seen[i].ResourceVersion <= seen[i - 1].ResourceVersion);
        if (backwards > 0)
        {
            problems.Add($"event {backwards} went from {seen[backwards - 1]} to {seen[backwards]}");
        }

        var wanted = expected.ToHashSet();
        var lost = expected.Except(seen).ToList();
        var duplicated = seen.GroupBy(e => e).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var unexpected = seen.Where(e => !wanted.Contains(e)).Distinct().ToList();
        foreach (var (what, events) in (ReadOnlySpan<(string, List<SeenEvent>)>)[("lost", lost), ("duplicated", duplicated), ("unexpected", unexpected)])
        {
            if (events.Count > 0)
            {
                problems.Add($"{events.Count} {what}, such as {string.Join(", ", events.Take(3))}");
            }
        }

        return problems.Count == 0 ? null : $"{recorder.Spec}: read {seen.Count} events of {expected.Count}: {string.Join("; ", problems)}";
    }
}
