using System.Text;
using VmAddon.DevCluster.Storage;
using static VmAddon.DevCluster.Tests.Objects;

namespace VmAddon.DevCluster.Tests.Persistence;

public sealed class PersistenceTests : IDisposable
{
    private readonly CancellationToken _ct = CancellationToken.None;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vmaddon-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(1000)]
    [InlineData(3)]
    public async Task A_Restarted_Store_Has_The_Same_Objects_And_ResourceVersions(int snapshotEvery)
    {
        var options = new ObjectStoreOptions { DataDirectory = _directory, SnapshotEvery = snapshotEvery };
        string before;
        using (var store = Store(options))
        {
            for (var i = 0; i < 5; i++)
            {
                await store.CreateAsync(VirtualMachines, Vm($"vm{i}"), _ct);
            }

            var vm = await store.GetAsync(VirtualMachines, "default", "vm1", _ct);
            await store.UpdateAsync(VirtualMachines, With(vm, o => o["spec"]!["runStrategy"] = "Halted"), _ct);
            await store.DeleteAsync(VirtualMachines, "default", "vm2", null, _ct);
            before = (await store.ListAsync(VirtualMachines, new ListOptions(), _ct)).Items.Select(o => o.ToJsonString()).Aggregate((a, b) => a + b);
            store.ResourceVersion.Should().Be("7");
        }

        using var restarted = Store(options);
        var after = await restarted.ListAsync(VirtualMachines, new ListOptions(), _ct);
        var next = await restarted.CreateAsync(VirtualMachines, Vm("new"), _ct);

        after.ResourceVersion.Should().Be("7");
        after.Items.Select(o => o.ToJsonString()).Aggregate((a, b) => a + b).Should().Be(before);
        Rv(next).Should().Be("8");
    }

    [Fact]
    public async Task A_Torn_Last_Line_Is_Ignored_And_Earlier_Writes_Survive()
    {
        var options = new ObjectStoreOptions { DataDirectory = _directory };
        using (var store = Store(options))
        {
            await store.CreateAsync(VirtualMachines, Vm("a"), _ct);
            await store.CreateAsync(VirtualMachines, Vm("b"), _ct);
        }

        var log = Directory.GetFiles(_directory, "*.log").Single();
        await File.AppendAllTextAsync(log, "{\"rv\":3,\"group\":\"vmaddon.io\",\"resou", Encoding.UTF8, _ct);

        using (var restarted = Store(options))
        {
            (await restarted.ListAsync(VirtualMachines, new ListOptions(), _ct)).Items.Select(Name).Should().Equal("a", "b");
            Rv(await restarted.CreateAsync(VirtualMachines, Vm("c"), _ct)).Should().Be("3");
        }

        using var again = Store(options);
        (await again.ListAsync(VirtualMachines, new ListOptions(), _ct)).Items.Select(Name).Should().Equal("a", "b", "c");
    }
}
