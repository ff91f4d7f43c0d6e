using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Kube.Clients;

namespace VmAddon.Kube.Tests.Clients;

public sealed class CustomResourceClientTests(KubeCluster cluster) : IClassFixture<KubeCluster>
{
    private static VirtualMachine Vm(string ns, string name, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels },
        Spec = new VirtualMachineSpec { RunStrategy = RunStrategy.Halted },
    };

    [Fact]
    public async Task Create_Get_Update_And_Delete_Round_Trip_Typed_Objects()
    {
        var ns = await cluster.NewNamespaceAsync();
        var vms = new CustomResourceClient<VirtualMachine>(cluster.Client);

        var created = await vms.CreateAsync(Vm(ns, "a"), default);
        created.Metadata.Uid.Should().NotBeNullOrEmpty();
        created.Spec.RunStrategy.Should().Be(RunStrategy.Halted);

        var read = await vms.GetAsync(ns, "a", default);
        read!.Spec.RunStrategy.Should().Be(RunStrategy.Halted);

        read.Spec = read.Spec with { RunStrategy = RunStrategy.Always };
        var updated = await vms.UpdateAsync(read, default);
        updated.Spec.RunStrategy.Should().Be(RunStrategy.Always);

        // The old resourceVersion is stale now: optimistic concurrency says 409.
        created.Spec = created.Spec with { RunStrategy = RunStrategy.Manual };
        var stale = () => vms.UpdateAsync(created, default);
        (await stale.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await vms.DeleteAsync(ns, "a", default)).Should().BeTrue();
        (await vms.GetAsync(ns, "a", default)).Should().BeNull();
        (await vms.DeleteAsync(ns, "a", default)).Should().BeFalse();
    }

    [Fact]
    public async Task List_Filters_By_Label_Selector()
    {
        var ns = await cluster.NewNamespaceAsync();
        var vms = new CustomResourceClient<VirtualMachine>(cluster.Client);
        await vms.CreateAsync(Vm(ns, "web", new Dictionary<string, string> { ["app"] = "web" }), default);
        await vms.CreateAsync(Vm(ns, "db", new Dictionary<string, string> { ["app"] = "db" }), default);

        var web = await vms.ListAsync(ns, "app=web", default);
        web.Items.Select(v => v.Metadata.Name).Should().Equal("web");
        web.ResourceVersion.Should().NotBeNullOrEmpty();
        (await vms.ListAsync(ns, null, default)).Items.Should().HaveCount(2);
        (await vms.ListAsync(null, "app=db", default)).Items.Should().Contain(v => v.Metadata.Name == "db" && v.Metadata.NamespaceProperty == ns);
    }

    [Fact]
    public async Task UpdateStatus_Writes_Status_But_Update_Does_Not()
    {
        var ns = await cluster.NewNamespaceAsync();
        var vmis = new CustomResourceClient<VirtualMachineInstance>(cluster.Client);
        var vmi = await vmis.CreateAsync(new VirtualMachineInstance { Metadata = new V1ObjectMeta { Name = "i", NamespaceProperty = ns } }, default);

        vmi.Status = new VirtualMachineInstanceStatus { Phase = VirtualMachineInstancePhase.Scheduling };
        var withStatus = await vmis.UpdateStatusAsync(vmi, default);
        withStatus.Status!.Phase.Should().Be(VirtualMachineInstancePhase.Scheduling);

        withStatus.Status = new VirtualMachineInstanceStatus { Phase = VirtualMachineInstancePhase.Failed };
        withStatus.Metadata.Labels = new Dictionary<string, string> { ["x"] = "y" };
        var main = await vmis.UpdateAsync(withStatus, default);
        main.Metadata.Labels.Should().ContainKey("x");
        main.Status!.Phase.Should().Be(VirtualMachineInstancePhase.Scheduling, "the main resource ignores status");
    }

    [Fact]
    public async Task Patch_Applies_Merge_And_Json_Patches_To_Object_And_Status()
    {
        var ns = await cluster.NewNamespaceAsync();
        var vmis = new CustomResourceClient<VirtualMachineInstance>(cluster.Client);
        await vmis.CreateAsync(new VirtualMachineInstance { Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = ns } }, default);

        var merged = await vmis.PatchAsync(ns, "p", new V1Patch("""{"metadata":{"labels":{"vmaddon.io/nodeName":"n1"}}}""", V1Patch.PatchType.MergePatch), default);
        merged.Metadata.Labels["vmaddon.io/nodeName"].Should().Be("n1");

        var json = await vmis.PatchAsync(ns, "p", new V1Patch("""[{"op":"replace","path":"/metadata/labels/vmaddon.io~1nodeName","value":"n2"}]""", V1Patch.PatchType.JsonPatch), default);
        json.Metadata.Labels["vmaddon.io/nodeName"].Should().Be("n2");

        var status = await vmis.PatchStatusAsync(ns, "p", new V1Patch("""{"status":{"phase":"Running","nodeName":"n2"}}""", V1Patch.PatchType.MergePatch), default);
        status.Status!.Phase.Should().Be(VirtualMachineInstancePhase.Running);
        status.Status.NodeName.Should().Be("n2");
    }

    [Fact]
    public async Task Delete_Honours_Preconditions()
    {
        var ns = await cluster.NewNamespaceAsync();
        var vms = new CustomResourceClient<VirtualMachine>(cluster.Client);
        var vm = await vms.CreateAsync(Vm(ns, "d"), default);

        var wrongUid = () => vms.DeleteAsync(ns, "d", default, uid: Guid.NewGuid().ToString());
        (await wrongUid.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await vms.GetAsync(ns, "d", default)).Should().NotBeNull();

        (await vms.DeleteAsync(ns, "d", default, uid: vm.Metadata.Uid, resourceVersion: vm.Metadata.ResourceVersion, propagationPolicy: "Foreground")).Should().BeTrue();
        await Eventually.UntilAsync(async () => await vms.GetAsync(ns, "d", default) is null, "the VM to be gone");
    }

    [Fact]
    public async Task Watch_From_A_ResourceVersion_Sees_Later_Changes_And_Bookmarks()
    {
        var ns = await cluster.NewNamespaceAsync();
        var vms = new CustomResourceClient<VirtualMachine>(cluster.Client);
        await vms.CreateAsync(Vm(ns, "before"), default);
        var list = await vms.ListAsync(ns, null, default);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new List<ResourceWatchEvent<VirtualMachine>>();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in vms.WatchAsync(ns, list.ResourceVersion, null, cts.Token))
            {
                seen.Add(e);
                // Keep going until a bookmark arrives after the delete.
                if (seen.Any(x => x.Type == WatchEventType.Deleted) && e.Type == WatchEventType.Bookmark)
                {
                    return;
                }
            }
        });

        await vms.CreateAsync(Vm(ns, "after"), default);
        await vms.DeleteAsync(ns, "after", default);
        await watching.WaitAsync(TimeSpan.FromSeconds(20));

        var changes = seen.Where(e => e.Type != WatchEventType.Bookmark).ToList();
        changes.Select(e => (e.Type, e.Object.Metadata.Name)).Should().Equal((WatchEventType.Added, "after"), (WatchEventType.Deleted, "after"));
        seen.Last().Object.Metadata.ResourceVersion.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Every_Kind_Has_A_Client_That_Reaches_Its_Resource()
    {
        var ns = await cluster.NewNamespaceAsync();
        var clients = new VmAddonClients(cluster.Client);

        (await clients.VirtualMachines.ListAsync(ns, null, default)).Items.Should().BeEmpty();
        (await clients.VirtualMachineInstances.ListAsync(ns, null, default)).Items.Should().BeEmpty();
        (await clients.VirtualMachinePools.ListAsync(ns, null, default)).Items.Should().BeEmpty();
        (await clients.VirtualMachineInstanceMigrations.ListAsync(ns, null, default)).Items.Should().BeEmpty();
        clients.VirtualMachinePools.Plural.Should().Be(VirtualMachinePool.Plural);
    }

    [Fact]
    public async Task Watch_From_A_Compacted_ResourceVersion_Ends_With_410_Gone_So_The_Caller_Relists()
    {
        await using var server = await VmAddon.DevCluster.Http.ApiServer.StartAsync(new VmAddon.DevCluster.Http.ApiServerOptions { HistoryLimit = 5 });
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString(), AccessToken = "x" });
        var crd = await cluster.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("virtualmachines.vmaddon.io");
        crd.Metadata = new V1ObjectMeta { Name = crd.Metadata.Name };
        crd.Status = null;
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        await Eventually.UntilAsync(async () => (await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name)).Status?.Conditions?
            .Any(c => c.Type == "Established" && c.Status == "True") == true, "the CRD to be established");
        var vms = new CustomResourceClient<VirtualMachine>(client);
        var first = await vms.CreateAsync(Vm("default", "vm0"), default);
        for (var i = 1; i < 20; i++)
        {
            await vms.CreateAsync(Vm("default", "vm" + i), default);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var watch = async () =>
        {
            await foreach (var e in vms.WatchAsync("default", first.Metadata.ResourceVersion, null, cts.Token))
            {
                _ = e;
            }
        };

        (await watch.Should().ThrowAsync<KubernetesException>()).Which.Status.Code.Should().Be(410);
    }
}
