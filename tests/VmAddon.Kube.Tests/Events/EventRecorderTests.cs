using k8s;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Kube.Clients;
using VmAddon.Kube.Events;
using VmAddon.Kube.Tests.Clients;

namespace VmAddon.Kube.Tests.Events;

public sealed class EventRecorderTests(KubeCluster cluster) : IClassFixture<KubeCluster>
{
    private static readonly EventRecorderOptions _options = new() { ReportingController = "vmaddon.io/controller", ReportingInstance = "controller-0" };

    private async Task<VirtualMachine> NewVmAsync()
    {
        var ns = await cluster.NewNamespaceAsync();
        return await new CustomResourceClient<VirtualMachine>(cluster.Client)
            .CreateAsync(new VirtualMachine { Metadata = new V1ObjectMeta { Name = "vm", NamespaceProperty = ns } }, default);
    }

    [Fact]
    public async Task Repeated_Events_Fold_Into_One_Series_And_Different_Ones_Stay_Apart()
    {
        var vm = await NewVmAsync();
        var ns = vm.Metadata.NamespaceProperty;
        var recorder = new EventRecorder(cluster.Client, _options);

        for (var i = 0; i < 3; i++)
        {
            await recorder.RecordAsync(vm, EventTypes.Normal, "SuccessfulCreate", "Create", "Created virtual machine instance vm", default);
        }

        await recorder.RecordAsync(vm, EventTypes.Warning, "FailedValidation", "Validate", "spec.runStrategy: Unsupported value", default);

        var events = (await cluster.Client.EventsV1.ListNamespacedEventAsync(ns)).Items;
        events.Should().HaveCount(2);
        var created = events.Single(e => e.Reason == "SuccessfulCreate");
        created.Series!.Count.Should().Be(3);
        created.Type.Should().Be(EventTypes.Normal);
        created.ReportingController.Should().Be("vmaddon.io/controller");
        created.ReportingInstance.Should().Be("controller-0");
        created.Regarding.Kind.Should().Be(VirtualMachine.KubeKind);
        created.Regarding.Uid.Should().Be(vm.Metadata.Uid);
        var warning = events.Single(e => e.Reason == "FailedValidation");
        warning.Type.Should().Be(EventTypes.Warning);
        warning.Series.Should().BeNull();

        // kubectl describe reads core/v1 events: the same events show there, with the count.
        var core = (await cluster.Client.CoreV1.ListNamespacedEventAsync(ns)).Items;
        core.Should().Contain(e => e.Reason == "SuccessfulCreate" && e.InvolvedObject.Name == "vm");
    }

    [Fact]
    public async Task A_Failing_Api_Call_Is_Logged_Not_Thrown()
    {
        var vm = await NewVmAsync();
        var recorder = new EventRecorder(cluster.Client, _options);
        vm.Metadata.NamespaceProperty = "no-such-namespace";

        var act = () => recorder.RecordAsync(vm, EventTypes.Warning, "Boom", "Test", "nothing to see", default);
        await act.Should().NotThrowAsync();

        using var unreachable = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1", AccessToken = "x" });
        var offline = new EventRecorder(unreachable, _options);
        var actOffline = () => offline.RecordAsync(vm, EventTypes.Normal, "Started", "Start", "started", default);
        await actOffline.Should().NotThrowAsync();
    }

    [Fact]
    public async Task A_Repeat_After_The_Series_Window_Starts_A_New_Event()
    {
        var vm = await NewVmAsync();
        var clock = new ManualClock();
        var recorder = new EventRecorder(cluster.Client, _options with { SeriesWindow = TimeSpan.FromMinutes(6) }, clock);

        await recorder.RecordAsync(vm, EventTypes.Warning, "FailedCreate", "Create", "quota exceeded", default);
        clock.Advance(TimeSpan.FromMinutes(5));
        await recorder.RecordAsync(vm, EventTypes.Warning, "FailedCreate", "Create", "quota exceeded", default);
        clock.Advance(TimeSpan.FromMinutes(7));
        await recorder.RecordAsync(vm, EventTypes.Warning, "FailedCreate", "Create", "quota exceeded", default);

        var events = (await cluster.Client.EventsV1.ListNamespacedEventAsync(vm.Metadata.NamespaceProperty)).Items;
        events.Should().HaveCount(2);
        events.Select(e => e.Series?.Count ?? 1).Should().BeEquivalentTo([2, 1]);
    }

    [Fact]
    public async Task A_Series_Whose_Event_Was_Deleted_Starts_Again()
    {
        var vm = await NewVmAsync();
        var ns = vm.Metadata.NamespaceProperty;
        var recorder = new EventRecorder(cluster.Client, _options);
        await recorder.RecordAsync(vm, EventTypes.Normal, "Started", "Start", "started", default);
        var first = (await cluster.Client.EventsV1.ListNamespacedEventAsync(ns)).Items.Single();
        await cluster.Client.EventsV1.DeleteNamespacedEventAsync(first.Metadata.Name, ns);

        await recorder.RecordAsync(vm, EventTypes.Normal, "Started", "Start", "started", default);

        var events = (await cluster.Client.EventsV1.ListNamespacedEventAsync(ns)).Items;
        events.Should().ContainSingle().Which.Metadata.Name.Should().NotBe(first.Metadata.Name);
    }
}
