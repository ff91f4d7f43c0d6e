using System.Text.Json.Nodes;
using VmAddon.DevCluster.Storage;
using static VmAddon.DevCluster.Tests.Objects;

namespace VmAddon.DevCluster.Tests.Storage;

public sealed class ObjectStoreWriteTests
{
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task Create_Sets_Uid_Timestamp_Generation_And_A_New_ResourceVersion()
    {
        using var store = Store();

        var first = await store.CreateAsync(VirtualMachines, Vm("a"), _ct);
        var second = await store.CreateAsync(VirtualMachines, Vm("b"), _ct);

        Guid.TryParse((string)first["metadata"]!["uid"]!, out _).Should().BeTrue();
        ((string)first["metadata"]!["creationTimestamp"]!).Should().Be("2026-01-02T03:04:05Z");
        Generation(first).Should().Be(1);
        long.Parse(Rv(second)).Should().BeGreaterThan(long.Parse(Rv(first)));
        store.ResourceVersion.Should().Be(Rv(second));
        (await store.GetAsync(VirtualMachines, "default", "a", _ct)).ToJsonString().Should().Be(first.ToJsonString());
    }

    [Fact]
    public async Task Create_Fails_AlreadyExists_When_The_Name_Is_Taken()
    {
        using var store = Store();
        await store.CreateAsync(VirtualMachines, Vm("x"), _ct);

        var create = () => store.CreateAsync(VirtualMachines, Vm("x"), _ct);

        var error = (await create.Should().ThrowAsync<StoreException>()).Which;
        error.Reason.Should().Be(StoreErrorReason.AlreadyExists);
        error.Code.Should().Be(409);
        error.Message.Should().Be("virtualmachines.vmaddon.io \"x\" already exists");
    }

    [Fact]
    public async Task Create_With_GenerateName_Appends_A_Kubernetes_Style_Suffix()
    {
        using var store = Store();
        var vm = Vm("");
        vm["metadata"]!.AsObject().Remove("name");
        vm["metadata"]!["generateName"] = "web-";

        var created = await store.CreateAsync(VirtualMachines, vm, _ct);

        Name(created).Should().MatchRegex("^web-[bcdfghjklmnpqrstvwxz2456789]{5}$");
    }

    [Fact]
    public async Task Create_Fails_NotFound_When_The_Namespace_Does_Not_Exist()
    {
        using var store = Store();

        var create = () => store.CreateAsync(VirtualMachines, Vm("x", ns: "missing"), _ct);

        var error = (await create.Should().ThrowAsync<StoreException>()).Which;
        error.Reason.Should().Be(StoreErrorReason.NotFound);
        error.Message.Should().Be("namespaces \"missing\" not found");
    }

    [Fact]
    public async Task Cluster_Scoped_Objects_Need_No_Namespace()
    {
        using var store = Store();

        var ns = await store.CreateAsync(Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "team", ["namespace"] = "ignored" } }, _ct);

        ns["metadata"]!["namespace"].Should().BeNull();
        (await store.GetAsync(Namespaces, null, "team", _ct)).Should().NotBeNull();
    }

    [Fact]
    public async Task Get_Fails_NotFound_With_Kubernetes_Message()
    {
        using var store = Store();

        var get = () => store.GetAsync(VirtualMachines, "default", "x", _ct);

        var error = (await get.Should().ThrowAsync<StoreException>()).Which;
        (error.Reason, error.Code, error.Message).Should().Be((StoreErrorReason.NotFound, 404, "virtualmachines.vmaddon.io \"x\" not found"));
    }

    [Fact]
    public async Task Update_With_A_Stale_ResourceVersion_Fails_Conflict()
    {
        using var store = Store();
        var created = await store.CreateAsync(VirtualMachines, Vm("x"), _ct);
        await store.UpdateAsync(VirtualMachines, With(created, o => o["spec"]!["runStrategy"] = "Halted"), _ct);

        var stale = () => store.UpdateAsync(VirtualMachines, With(created, o => o["spec"]!["runStrategy"] = "Manual"), _ct);

        var error = (await stale.Should().ThrowAsync<StoreException>()).Which;
        (error.Reason, error.Code).Should().Be((StoreErrorReason.Conflict, 409));
        error.Message.Should().Be("Operation cannot be fulfilled on virtualmachines.vmaddon.io \"x\": the object has been modified; please apply your changes to the latest version and try again");
    }

    [Fact]
    public async Task Update_Without_A_ResourceVersion_Is_Unconditional()
    {
        using var store = Store();
        var created = await store.CreateAsync(VirtualMachines, Vm("x"), _ct);
        await store.UpdateAsync(VirtualMachines, With(created, o => o["spec"]!["runStrategy"] = "Halted"), _ct);

        var updated = await store.UpdateAsync(VirtualMachines, With(created, o =>
        {
            o["metadata"]!.AsObject().Remove("resourceVersion");
            o["spec"]!["runStrategy"] = "Manual";
        }), _ct);

        ((string)updated["spec"]!["runStrategy"]!).Should().Be("Manual");
    }

    [Fact]
    public async Task Update_Keeps_Uid_And_CreationTimestamp()
    {
        var clock = new FixedClock(Start);
        using var store = Store(clock: clock);
        var created = await store.CreateAsync(VirtualMachines, Vm("x"), _ct);
        clock.Now = Start.AddHours(1);

        var updated = await store.UpdateAsync(VirtualMachines, With(created, o => o["metadata"]!["creationTimestamp"] = "2000-01-01T00:00:00Z"), _ct);
        var changeUid = () => store.UpdateAsync(VirtualMachines, With(updated, o => o["metadata"]!["uid"] = Guid.NewGuid().ToString()), _ct);

        updated["metadata"]!["creationTimestamp"]!.GetValue<string>().Should().Be("2026-01-02T03:04:05Z");
        (await changeUid.Should().ThrowAsync<StoreException>()).Which.Reason.Should().Be(StoreErrorReason.Invalid);
    }

    [Fact]
    public async Task Update_Of_A_Missing_Object_Fails_NotFound()
    {
        using var store = Store();

        var update = () => store.UpdateAsync(VirtualMachines, Vm("ghost"), _ct);

        (await update.Should().ThrowAsync<StoreException>()).Which.Message.Should().Be("virtualmachines.vmaddon.io \"ghost\" not found");
    }

    [Fact]
    public async Task Generation_Moves_Only_When_Spec_Changes()
    {
        using var store = Store();
        var vm = await store.CreateAsync(VirtualMachines, Vm("x"), _ct);

        var labelled = await store.UpdateAsync(VirtualMachines, With(vm, o => o["metadata"]!["labels"] = new JsonObject { ["a"] = "b" }), _ct);
        var withStatus = await store.UpdateAsync(VirtualMachines, With(labelled, o => o["status"] = new JsonObject { ["ready"] = true }), _ct);
        var respecced = await store.UpdateAsync(VirtualMachines, With(withStatus, o => o["spec"]!["runStrategy"] = "Halted"), _ct);

        Generation(labelled).Should().Be(1);
        Generation(withStatus).Should().Be(1);
        Generation(respecced).Should().Be(2);
        Rv(withStatus).Should().NotBe(Rv(labelled));
    }

    [Fact]
    public async Task Generation_Of_A_Resource_Without_Spec_Moves_When_Its_Data_Changes()
    {
        using var store = Store();
        var map = await store.CreateAsync(ConfigMaps, new JsonObject { ["metadata"] = Metadata("c", "default", null), ["data"] = new JsonObject { ["k"] = "1" } }, _ct);

        var relabelled = await store.UpdateAsync(ConfigMaps, With(map, o => o["metadata"]!["labels"] = new JsonObject { ["a"] = "b" }), _ct);
        var changed = await store.UpdateAsync(ConfigMaps, With(relabelled, o => o["data"]!["k"] = "2"), _ct);

        Generation(relabelled).Should().Be(1);
        Generation(changed).Should().Be(2);
    }

    [Fact]
    public async Task An_Update_That_Changes_Nothing_Is_Not_A_Write()
    {
        using var store = Store();
        var vm = await store.CreateAsync(VirtualMachines, Vm("x"), _ct);

        var same = await store.UpdateAsync(VirtualMachines, vm, _ct);

        Rv(same).Should().Be(Rv(vm));
        store.ResourceVersion.Should().Be(Rv(vm));
    }

    [Fact]
    public async Task Delete_Without_Finalizers_Removes_At_Once()
    {
        using var store = Store();
        await store.CreateAsync(VirtualMachines, Vm("x"), _ct);

        var result = await store.DeleteAsync(VirtualMachines, "default", "x", null, _ct);
        var get = () => store.GetAsync(VirtualMachines, "default", "x", _ct);

        result.Removed.Should().BeTrue();
        Rv(result.Object).Should().Be(store.ResourceVersion);
        await get.Should().ThrowAsync<StoreException>();
    }

    [Fact]
    public async Task Delete_With_Finalizers_Only_Marks_Until_The_Last_Finalizer_Goes()
    {
        var clock = new FixedClock(Start);
        using var store = Store(clock: clock);
        var vm = Vm("x");
        vm["metadata"]!["finalizers"] = new JsonArray("vmaddon.io/a", "vmaddon.io/b");
        await store.CreateAsync(VirtualMachines, vm, _ct);
        clock.Now = Start.AddMinutes(1);

        var marked = await store.DeleteAsync(VirtualMachines, "default", "x", null, _ct);
        var again = await store.DeleteAsync(VirtualMachines, "default", "x", null, _ct);
        var oneLeft = await store.UpdateAsync(VirtualMachines, With(marked.Object, o => o["metadata"]!["finalizers"] = new JsonArray("vmaddon.io/b")), _ct);
        await store.UpdateAsync(VirtualMachines, With(oneLeft, o => o["metadata"]!["finalizers"] = new JsonArray()), _ct);
        var get = () => store.GetAsync(VirtualMachines, "default", "x", _ct);

        marked.Removed.Should().BeFalse();
        ((string)marked.Object["metadata"]!["deletionTimestamp"]!).Should().Be("2026-01-02T03:05:05Z");
        ((long)marked.Object["metadata"]!["deletionGracePeriodSeconds"]!).Should().Be(0);
        Rv(again.Object).Should().Be(Rv(marked.Object));
        oneLeft["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        await get.Should().ThrowAsync<StoreException>();
    }

    [Fact]
    public async Task Delete_Checks_Uid_And_ResourceVersion_Preconditions()
    {
        using var store = Store();
        var vm = await store.CreateAsync(VirtualMachines, Vm("x"), _ct);

        var wrongUid = () => store.DeleteAsync(VirtualMachines, "default", "x", new DeleteRequest(new DeletePreconditions(Uid: "other")), _ct);
        var wrongRv = () => store.DeleteAsync(VirtualMachines, "default", "x", new DeleteRequest(new DeletePreconditions(ResourceVersion: "999")), _ct);

        (await wrongUid.Should().ThrowAsync<StoreException>()).Which.Message.Should()
            .Be($"Operation cannot be fulfilled on virtualmachines.vmaddon.io \"x\": Precondition failed: UID in precondition: other, UID in object meta: {vm["metadata"]!["uid"]}");
        (await wrongRv.Should().ThrowAsync<StoreException>()).Which.Reason.Should().Be(StoreErrorReason.Conflict);
        var ok = await store.DeleteAsync(VirtualMachines, "default", "x", new DeleteRequest(new DeletePreconditions((string)vm["metadata"]!["uid"]!, Rv(vm))), _ct);
        ok.Removed.Should().BeTrue();
    }
}
