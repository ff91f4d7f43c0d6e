using VmAddon.DevCluster.Storage;
using static VmAddon.DevCluster.Tests.Objects;

namespace VmAddon.DevCluster.Tests.Storage;

public sealed class ObjectStoreListTests
{
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task List_Filters_By_Namespace_And_Label_Selector_In_Key_Order()
    {
        using var store = Store();
        await store.CreateAsync(VirtualMachines, Vm("b", labels: "app=web"), _ct);
        await store.CreateAsync(VirtualMachines, Vm("a", labels: "app=web"), _ct);
        await store.CreateAsync(VirtualMachines, Vm("c", labels: "app=db"), _ct);
        await store.CreateAsync(VirtualMachines, Vm("d", ns: "other", labels: "app=web"), _ct);

        var inDefault = await store.ListAsync(VirtualMachines, new ListOptions("default", "app=web"), _ct);
        var everywhere = await store.ListAsync(VirtualMachines, new ListOptions(LabelSelector: "app in (web)"), _ct);

        inDefault.Items.Select(Name).Should().Equal("a", "b");
        everywhere.Items.Select(Name).Should().Equal("a", "b", "d");
        inDefault.ResourceVersion.Should().Be(store.ResourceVersion);
    }

    [Fact]
    public async Task List_Filters_By_Field_Selector_On_Selectable_Fields()
    {
        using var store = Store();
        await store.CreateAsync(Pods, Pod("p1", "node-1", "Running"), _ct);
        await store.CreateAsync(Pods, Pod("p2", "node-2", "Running"), _ct);
        await store.CreateAsync(Pods, Pod("p3", "node-1", "Pending"), _ct);

        var list = await store.ListAsync(Pods, new ListOptions(FieldSelector: "spec.nodeName=node-1,status.phase!=Pending"), _ct);
        var unsupported = () => store.ListAsync(VirtualMachines, new ListOptions(FieldSelector: "spec.runStrategy=Always"), _ct);
        var badLabels = () => store.ListAsync(Pods, new ListOptions(LabelSelector: "a in ("), _ct);

        list.Items.Select(Name).Should().Equal("p1");
        (await unsupported.Should().ThrowAsync<StoreException>()).Which.Message.Should().Be("field label not supported: spec.runStrategy");
        (await badLabels.Should().ThrowAsync<StoreException>()).Which.Code.Should().Be(400);
    }

    [Fact]
    public async Task Pages_Of_A_Limited_List_Show_The_State_Of_The_First_Page()
    {
        using var store = Store();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await store.CreateAsync(VirtualMachines, Vm(name), _ct);
        }

        var first = await store.ListAsync(VirtualMachines, new ListOptions(Limit: 2), _ct);
        await store.DeleteAsync(VirtualMachines, "default", "d", null, _ct);
        await store.CreateAsync(VirtualMachines, Vm("bb"), _ct);
        var c = await store.GetAsync(VirtualMachines, "default", "c", _ct);
        await store.UpdateAsync(VirtualMachines, With(c, o => o["spec"]!["runStrategy"] = "Halted"), _ct);
        var second = await store.ListAsync(VirtualMachines, new ListOptions(Limit: 2, Continue: first.Continue), _ct);
        var third = await store.ListAsync(VirtualMachines, new ListOptions(Limit: 2, Continue: second.Continue), _ct);

        first.Items.Select(Name).Should().Equal("a", "b");
        second.Items.Select(Name).Should().Equal("c", "d");
        ((string)second.Items[0]["spec"]!["runStrategy"]!).Should().Be("Always");
        third.Items.Select(Name).Should().Equal("e");
        third.Continue.Should().BeNull();
        second.ResourceVersion.Should().Be(first.ResourceVersion);
    }

    [Fact]
    public async Task A_Continue_Token_Older_Than_The_History_Is_Gone()
    {
        using var store = Store(new ObjectStoreOptions { HistoryLimit = 2 });
        foreach (var name in new[] { "a", "b", "c" })
        {
            await store.CreateAsync(VirtualMachines, Vm(name), _ct);
        }

        var first = await store.ListAsync(VirtualMachines, new ListOptions(Limit: 1), _ct);
        for (var i = 0; i < 3; i++)
        {
            await store.CreateAsync(VirtualMachines, Vm($"z{i}"), _ct);
        }

        var next = () => store.ListAsync(VirtualMachines, new ListOptions(Limit: 1, Continue: first.Continue), _ct);

        var error = (await next.Should().ThrowAsync<StoreException>()).Which;
        error.Code.Should().Be(410);
        error.Reason.Should().Be(StoreErrorReason.Expired);
        error.Message.Should().StartWith("The provided continue parameter is too old to display a consistent list result.");
    }

    [Fact]
    public async Task A_Malformed_Continue_Token_Is_A_Bad_Request()
    {
        using var store = Store();

        var list = () => store.ListAsync(VirtualMachines, new ListOptions(Continue: "not-a-token"), _ct);

        (await list.Should().ThrowAsync<StoreException>()).Which.Reason.Should().Be(StoreErrorReason.BadRequest);
    }
}
