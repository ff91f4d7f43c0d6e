using VmAddon.DevCluster.Storage;
using VmAddon.DevCluster.Watch;
using static VmAddon.DevCluster.Tests.Objects;

namespace VmAddon.DevCluster.Tests.Watch;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Every_Watcher_Sees_Every_Event_Of_Every_Object_In_ResourceVersion_Order()
    {
        const int Writers = 4;
        const int ObjectsPerWriter = 25;
        const int UpdatesPerObject = 3;
        var ct = CancellationToken.None;
        using var store = Store(new ObjectStoreOptions { WatchBufferSize = 100_000 });
        var watches = new List<WatchSubscription>();
        for (var i = 0; i < 4; i++)
        {
            watches.Add(await store.WatchAsync(VirtualMachines, new WatchOptions(ResourceVersion: store.ResourceVersion), ct));
        }

        var readers = watches.Select(w => Task.Run(async () =>
        {
            var seen = new List<(WatchEventType Type, string Name, long Rv)>();
            await foreach (var e in w.Events.ReadAllAsync(ct))
            {
                seen.Add((e.Type, Name(e.Object), long.Parse(Rv(e.Object))));
            }

            return seen;
        })).ToList();

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var n = 0; n < ObjectsPerWriter; n++)
            {
                var vm = await store.CreateAsync(VirtualMachines, Vm($"w{writer}-{n}"), ct);
                for (var u = 0; u < UpdatesPerObject; u++)
                {
                    vm = await store.UpdateAsync(VirtualMachines, With(vm, o => o["spec"]!["runStrategy"] = $"s{u}"), ct);
                }

                await store.DeleteAsync(VirtualMachines, "default", Name(vm), null, ct);
            }
        }, ct)));

        var latest = long.Parse(store.ResourceVersion);
        watches.ForEach(w => w.Dispose());
        var results = await Task.WhenAll(readers);

        foreach (var seen in results)
        {
            seen.Should().HaveCount(Writers * ObjectsPerWriter * (UpdatesPerObject + 2));
            seen.Select(e => e.Rv).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            seen[^1].Rv.Should().Be(latest);
            foreach (var perObject in seen.GroupBy(e => e.Name))
            {
                perObject.Select(e => e.Type).Should().Equal(
                    WatchEventType.Added, WatchEventType.Modified, WatchEventType.Modified, WatchEventType.Modified, WatchEventType.Deleted);
            }
        }
    }
}
