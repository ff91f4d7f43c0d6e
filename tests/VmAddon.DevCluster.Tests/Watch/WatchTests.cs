using System.Text.Json.Nodes;
using VmAddon.DevCluster.Storage;
using VmAddon.DevCluster.Watch;
using static VmAddon.DevCluster.Tests.Objects;

namespace VmAddon.DevCluster.Tests.Watch;

public sealed class WatchTests
{
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task A_Watch_Without_ResourceVersion_Starts_With_The_Current_State()
    {
        using var store = Store();
        await store.CreateAsync(VirtualMachines, Vm("a"), _ct);
        await store.CreateAsync(VirtualMachines, Vm("b", ns: "other"), _ct);

        using var watch = await store.WatchAsync(VirtualMachines, new WatchOptions(Namespace: "default"), _ct);
        var c = await store.CreateAsync(VirtualMachines, Vm("c"), _ct);
        await store.UpdateAsync(VirtualMachines, With(c, o => o["spec"]!["runStrategy"] = "Halted"), _ct);
        await store.DeleteAsync(VirtualMachines, "default", "a", null, _ct);

        watch.Events.Drain().Should().Equal(
            (WatchEventType.Added, "a"), (WatchEventType.Added, "c"), (WatchEventType.Modified, "c"), (WatchEventType.Deleted, "a"));
    }

    [Fact]
    public async Task A_Watch_From_A_ResourceVersion_Replays_What_Happened_Since()
    {
        using var store = Store();
        var a = await store.CreateAsync(VirtualMachines, Vm("a"), _ct);
        await store.CreateAsync(VirtualMachines, Vm("b"), _ct);
        await store.DeleteAsync(VirtualMachines, "default", "a", null, _ct);

        using var watch = await store.WatchAsync(VirtualMachines, new WatchOptions(ResourceVersion: Rv(a)), _ct);

        watch.Events.Drain().Should().Equal((WatchEventType.Added, "b"), (WatchEventType.Deleted, "a"));
    }

    [Fact]
    public async Task A_Watch_From_Before_The_Retained_History_Is_Gone()
    {
        using var store = Store(new ObjectStoreOptions { HistoryLimit = 2 });
        for (var i = 0; i < 5; i++)
        {
            await store.CreateAsync(VirtualMachines, Vm($"vm{i}"), _ct);
        }

        var tooOld = () => store.WatchAsync(VirtualMachines, new WatchOptions(ResourceVersion: "1"), _ct);
        using var justInside = await store.WatchAsync(VirtualMachines, new WatchOptions(ResourceVersion: "3"), _ct);

        var error = (await tooOld.Should().ThrowAsync<StoreException>()).Which;
        (error.Code, error.Message).Should().Be((410, "too old resource version: 1 (3)"));
        justInside.Events.Drain().Should().Equal((WatchEventType.Added, "vm3"), (WatchEventType.Added, "vm4"));
    }

    [Fact]
    public async Task Leaving_A_Selector_Is_A_Delete_And_Entering_It_An_Add()
    {
        using var store = Store();
        var vm = await store.CreateAsync(VirtualMachines, Vm("x", labels: "app=web"), _ct);
        using var watch = await store.WatchAsync(VirtualMachines, new WatchOptions(LabelSelector: "app=web", ResourceVersion: Rv(vm)), _ct);

        var left = await store.UpdateAsync(VirtualMachines, With(vm, o => o["metadata"]!["labels"]!["app"] = "db"), _ct);
        var stillOut = await store.UpdateAsync(VirtualMachines, With(left, o => o["spec"]!["runStrategy"] = "Halted"), _ct);
        await store.UpdateAsync(VirtualMachines, With(stillOut, o => o["metadata"]!["labels"]!["app"] = "web"), _ct);

        var events = new List<WatchEvent>();
        while (watch.Events.TryRead(out var e))
        {
            events.Add(e);
        }

        events.Select(e => e.Type).Should().Equal(WatchEventType.Deleted, WatchEventType.Added);
        // As kube-apiserver does, the DELETED event shows the last state that matched, at the version it stopped matching.
        ((string)events[0].Object["metadata"]!["labels"]!["app"]!).Should().Be("web");
        Rv(events[0].Object).Should().Be(Rv(left));
    }

    [Fact]
    public async Task Finalizer_Removal_Of_A_Deleting_Object_Is_Seen_As_Deleted()
    {
        using var store = Store();
        var vm = Vm("x");
        vm["metadata"]!["finalizers"] = new JsonArray("vmaddon.io/a");
        await store.CreateAsync(VirtualMachines, vm, _ct);
        using var watch = await store.WatchAsync(VirtualMachines, new WatchOptions(ResourceVersion: store.ResourceVersion), _ct);

        var marked = await store.DeleteAsync(VirtualMachines, "default", "x", null, _ct);
        await store.UpdateAsync(VirtualMachines, With(marked.Object, o => o["metadata"]!["finalizers"] = new JsonArray()), _ct);

        watch.Events.Drain().Should().Equal((WatchEventType.Modified, "x"), (WatchEventType.Deleted, "x"));
    }

    [Fact]
    public async Task Bookmarks_Go_Only_To_Watchers_That_Asked_And_Carry_The_Current_ResourceVersion()
    {
        using var store = Store();
        await store.CreateAsync(VirtualMachines, Vm("x"), _ct);
        using var withBookmarks = await store.WatchAsync(VirtualMachines, new WatchOptions(ResourceVersion: store.ResourceVersion, AllowBookmarks: true), _ct);
        using var without = await store.WatchAsync(VirtualMachines, new WatchOptions(ResourceVersion: store.ResourceVersion), _ct);

        await store.EmitBookmarksAsync(_ct);

        var bookmark = await withBookmarks.Events.NextAsync();
        bookmark.Type.Should().Be(WatchEventType.Bookmark);
        bookmark.WireType.Should().Be("BOOKMARK");
        Rv(bookmark.Object).Should().Be(store.ResourceVersion);
        ((string)bookmark.Object["kind"]!).Should().Be("VirtualMachine");
        without.Events.Drain().Should().BeEmpty();
    }

    [Fact]
    public async Task A_Slow_Watcher_Is_Closed_With_An_Error_And_Does_Not_Block_Writers()
    {
        using var store = Store(new ObjectStoreOptions { WatchBufferSize = 3 });
        using var slow = await store.WatchAsync(VirtualMachines, new WatchOptions(ResourceVersion: "0"), _ct);
        using var fast = await store.WatchAsync(VirtualMachines, new WatchOptions(ResourceVersion: "0"), _ct);

        var seenByFast = new List<(WatchEventType, string)>();
        for (var i = 0; i < 10; i++)
        {
            await store.CreateAsync(VirtualMachines, Vm($"vm{i}"), _ct);
            seenByFast.AddRange(fast.Events.Drain());
        }

        var slowEvents = slow.Events.Drain();
        slowEvents.Should().HaveCount(4);
        slowEvents[^1].Type.Should().Be(WatchEventType.Error);
        slow.Events.Completion.IsCompleted.Should().BeTrue();
        seenByFast.Should().HaveCount(10);
    }

    [Fact]
    public async Task Disposing_A_Watch_Completes_Its_Events()
    {
        using var store = Store();
        var watch = await store.WatchAsync(VirtualMachines, new WatchOptions(), _ct);

        watch.Dispose();
        await store.CreateAsync(VirtualMachines, Vm("x"), _ct);

        watch.Events.Drain().Should().BeEmpty();
        watch.Events.Completion.IsCompleted.Should().BeTrue();
    }
}
