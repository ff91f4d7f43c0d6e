using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using VmAddon.Api;
using VmAddon.Controller.Machines;
using VmAddon.DevCluster.Http;
using VmAddon.Kube.Caching;
using VmAddon.Kube.Clients;

namespace VmAddon.Controller.Tests;

/// <summary>The VM controller against the dev API server: run strategies turn into VMIs created and deleted, and status.</summary>
public sealed class VmControllerTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private ApiServer _server = null!;
    private Kubernetes _client = null!;
    private VmAddonClients _clients = null!;
    private Task _running = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync(new ApiServerOptions());
        _client = new Kubernetes(new KubernetesClientConfiguration { Host = _server.BaseAddress.ToString(), AccessToken = "x" });
        await TestHost.DevApiCrds.ApplyAsync(_client);
        _clients = new VmAddonClients(_client);
        var vms = CustomResourceCaches.For(_clients.VirtualMachines, NullLogger.Instance);
        var vmis = CustomResourceCaches.For(_clients.VirtualMachineInstances, NullLogger.Instance);
        var controller = new VmController(_clients, vms, vmis, TimeProvider.System, NullLogger.Instance);
        _running = Task.WhenAll(vms.RunAsync(_stop.Token), vmis.RunAsync(_stop.Token), controller.RunAsync(2, _stop.Token));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _client.Dispose();
        await _server.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task Always_creates_one_owned_instance_and_halted_deletes_it()
    {
        await _clients.VirtualMachines.CreateAsync(Vm("web", RunStrategy.Always), CancellationToken.None);

        var vmi = await WaitForAsync(() => _clients.VirtualMachineInstances.GetAsync("default", "web", CancellationToken.None), "the VMI");
        var starting = await WaitForStatusAsync("web", PrintableStatus.Starting);
        await _clients.VirtualMachines.PatchAsync("default", "web", new V1Patch("{\"spec\":{\"runStrategy\":\"Halted\"}}", V1Patch.PatchType.MergePatch), CancellationToken.None);
        await TestHost.Eventually.UntilAsync(async () => await _clients.VirtualMachineInstances.GetAsync("default", "web", CancellationToken.None) is null, "the VMI to go");
        var stopped = await WaitForStatusAsync("web", PrintableStatus.Stopped);
        var all = await _clients.VirtualMachineInstances.ListAsync("default", null, CancellationToken.None);

        vmi.Metadata.OwnerReferences.Should().ContainSingle(o => o.Kind == "VirtualMachine" && o.Name == "web" && o.Controller == true);
        starting.Status!.Created.Should().BeTrue();
        starting.Status.ObservedGeneration.Should().Be(1);
        stopped.Status!.Created.Should().BeFalse();
        all.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Manual_starts_on_a_start_request_and_consumes_it()
    {
        await _clients.VirtualMachines.CreateAsync(Vm("manual", RunStrategy.Manual), CancellationToken.None);
        await WaitForStatusAsync("manual", PrintableStatus.Stopped);

        await _clients.VirtualMachines.PatchStatusAsync("default", "manual",
            new V1Patch("{\"status\":{\"stateChangeRequests\":[{\"action\":\"Start\"}]}}", V1Patch.PatchType.MergePatch), CancellationToken.None);
        await WaitForAsync(() => _clients.VirtualMachineInstances.GetAsync("default", "manual", CancellationToken.None), "the VMI");
        var started = await WaitForStatusAsync("manual", PrintableStatus.Starting);

        started.Status!.StateChangeRequests.Should().BeNullOrEmpty();
    }

    private async Task<VirtualMachine> WaitForStatusAsync(string name, string status)
    {
        VirtualMachine? vm = null;
        await TestHost.Eventually.UntilAsync(async () => (vm = await _clients.VirtualMachines.GetAsync("default", name, CancellationToken.None))?.Status?.PrintableStatus == status,
            $"{name} to be {status}");
        return vm!;
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> read, string what)
        where T : class
    {
        T? found = null;
        await TestHost.Eventually.UntilAsync(async () => (found = await read()) is not null, what);
        return found!;
    }

    private static VirtualMachine Vm(string name, string runStrategy) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default" },
        Spec = new VirtualMachineSpec
        {
            RunStrategy = runStrategy,
            Template = new VirtualMachineInstanceTemplateSpec
            {
                Spec = new VirtualMachineInstanceSpec { Domain = new DomainSpec { Devices = new Devices() } },
            },
        },
    };
}
