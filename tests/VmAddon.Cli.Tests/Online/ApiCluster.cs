using k8s;
using k8s.Models;
using VmAddon.Api;
using VmAddon.DevCluster.Http;
using VmAddon.Kube.Clients;

namespace VmAddon.Cli.Tests.Online;

/// <summary>
/// A real local API server (vmaddon-dev's, over HTTP) with VmAddon's CRDs and a kubeconfig file, for kubectl vm's
/// online commands. No nodes and no controller: each test writes the VM and VMI state it needs, as the controller and
/// agent would, and checks what kubectl vm asked of the API.
/// </summary>
public sealed class ApiCluster : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vmaddon-cli-").FullName;

    public ApiServer Server { get; private set; } = null!;

    public Kubernetes Client { get; private set; } = null!;

    public VmAddonClients Clients { get; private set; } = null!;

    public string Kubeconfig => Path.Combine(_directory, "kubeconfig");

    public async Task InitializeAsync()
    {
        Server = await ApiServer.StartAsync(new ApiServerOptions());
        await File.WriteAllTextAsync(Kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: local
              cluster:
                server: {Server.BaseAddress.ToString().TrimEnd('/')}
            users:
            - name: dev
              user:
                token: dev
            contexts:
            - name: local
              context:
                cluster: local
                user: dev
            - name: elsewhere
              context:
                cluster: local
                user: dev
                namespace: elsewhere
            current-context: local
            """);
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig));
        Clients = new VmAddonClients(Client);
        await DevApiCrds.ApplyAsync(Client);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>kubectl vm in this process, against this cluster.</summary>
    public Task<CliRun> VmAsync(params string[] args) => CliRun.RunAsync("", ["--kubeconfig", Kubeconfig, .. args]);

    public async Task<string> NewNamespaceAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    /// <summary>A VM as a user applies it, with the status the controller would have written.</summary>
    public async Task<VirtualMachine> CreateVmAsync(string ns, string name, string runStrategy, string printableStatus = PrintableStatus.Stopped,
        IDictionary<string, string>? templateLabels = null)
    {
        var vm = await Clients.VirtualMachines.CreateAsync(new VirtualMachine
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = new VirtualMachineSpec
            {
                RunStrategy = runStrategy,
                Template = new VirtualMachineInstanceTemplateSpec
                {
                    Metadata = templateLabels is null ? null : new TemplateMetadata { Labels = templateLabels },
                    Spec = Instance(ns, name).Spec,
                },
            },
        }, CancellationToken.None);
        return await Clients.VirtualMachines.UpdateStatusAsync(vm with { Status = new VirtualMachineStatus { PrintableStatus = printableStatus } }, CancellationToken.None);
    }

    /// <summary>The VM's instance in <paramref name="phase"/>, as the controller and agent would leave it.</summary>
    public async Task<VirtualMachineInstance> CreateVmiAsync(string ns, string name, string phase, bool paused = false, IDictionary<string, string>? labels = null)
    {
        var vmi = Instance(ns, name);
        vmi.Metadata.Labels = labels;
        var created = await Clients.VirtualMachineInstances.CreateAsync(vmi, CancellationToken.None);
        return await Clients.VirtualMachineInstances.UpdateStatusAsync(created with
        {
            Status = new VirtualMachineInstanceStatus
            {
                Phase = phase,
                Conditions = paused ? [new Condition { Type = VirtualMachineInstanceConditionType.Paused, Status = "True", Reason = "PausedByUser" }] : null,
            },
        }, CancellationToken.None);
    }

    public async Task<VirtualMachine> VmAsync(string ns, string name) => (await Clients.VirtualMachines.GetAsync(ns, name, CancellationToken.None))!;

    public async Task<VirtualMachineInstance> VmiAsync(string ns, string name) => (await Clients.VirtualMachineInstances.GetAsync(ns, name, CancellationToken.None))!;

    private static VirtualMachineInstance Instance(string ns, string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new VirtualMachineInstanceSpec
        {
            Domain = new DomainSpec { Devices = new Devices() },
            TerminationGracePeriodSeconds = 30,
        },
    };
}
