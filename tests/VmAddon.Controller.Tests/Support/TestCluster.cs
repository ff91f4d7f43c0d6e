using System.Text.Json;
using k8s;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Launcher;
using VmAddon.DevCluster.Http;
using VmAddon.Kube.Clients;
using VmAddon.TestHost;

namespace VmAddon.Controller.Tests.Support;

/// <summary>
/// The in-process dev API server with the CRDs, and the parts of a cluster the tests play themselves: the scheduler
/// (binding pods), the kubelet (pod status, confirming deletions) and the agent (VMI status).
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    public const string Ns = "default";

    private TestCluster(ApiServer server, Kubernetes client)
    {
        Server = server;
        Client = client;
        Clients = new VmAddonClients(client);
    }

    public ApiServer Server { get; }

    public Kubernetes Client { get; }

    public VmAddonClients Clients { get; }

    public static async Task<TestCluster> StartAsync()
    {
        var server = await ApiServer.StartAsync(new ApiServerOptions());
        var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString(), AccessToken = "x" }.CloseCancelledWatchesAtOnce());
        await DevApiCrds.ApplyAsync(client);
        return new TestCluster(server, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    public static VirtualMachine Vm(string name, string runStrategy, Func<VirtualMachineInstanceSpec, VirtualMachineInstanceSpec>? edit = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
        Spec = new VirtualMachineSpec { RunStrategy = runStrategy, Template = new VirtualMachineInstanceTemplateSpec { Spec = Spec(edit) } },
    };

    public static VirtualMachineInstance Vmi(string name, Func<VirtualMachineInstanceSpec, VirtualMachineInstanceSpec>? edit = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
        Spec = ResourceDefaulter.Apply(Spec(edit), name),
    };

    public async Task<VirtualMachineInstance> VmiAsync(string name, Func<VirtualMachineInstance, bool> until, string what)
    {
        VirtualMachineInstance? found = null;
        await Eventually.UntilAsync(async () => (found = await Clients.VirtualMachineInstances.GetAsync(Ns, name, CancellationToken.None)) is { } v && until(v), $"VMI {name}: {what}");
        return found!;
    }

    public async Task<VirtualMachine> VmAsync(string name, Func<VirtualMachine, bool> until, string what)
    {
        VirtualMachine? found = null;
        await Eventually.UntilAsync(async () => (found = await Clients.VirtualMachines.GetAsync(Ns, name, CancellationToken.None)) is { } v && until(v), $"VM {name}: {what}");
        return found!;
    }

    public Task GoneAsync(string vmiName) =>
        Eventually.UntilAsync(async () => await Clients.VirtualMachineInstances.GetAsync(Ns, vmiName, CancellationToken.None) is null, $"VMI {vmiName} to be gone");

    public Task<VirtualMachineInstance> PhaseAsync(string name, string phase) => VmiAsync(name, v => v.Status?.Phase == phase, $"phase {phase}");

    public async Task<IList<V1Pod>> LaunchersAsync(VirtualMachineInstance vmi) =>
        (await Client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: $"{LauncherPodLabels.CreatedBy}={vmi.Metadata.Uid}")).Items;

    public async Task<V1Pod> LauncherAsync(VirtualMachineInstance vmi)
    {
        IList<V1Pod> pods = [];
        await Eventually.UntilAsync(async () => (pods = await LaunchersAsync(vmi)).Count > 0, $"the launcher pod of {vmi.Metadata.Name}");
        return pods.Single();
    }

    /// <summary>Plays the scheduler.</summary>
    public Task BindAsync(V1Pod pod, string node) => Client.CoreV1.CreateNamespacedPodBindingAsync(
        new V1Binding { Metadata = new V1ObjectMeta { Name = pod.Metadata.Name }, Target = new V1ObjectReference { Kind = "Node", Name = node } },
        pod.Metadata.Name, Ns);

    /// <summary>Plays the scheduler giving up on a pod.</summary>
    public Task UnschedulableAsync(V1Pod pod, string message) => PodStatusAsync(pod, new
    {
        phase = "Pending",
        conditions = new object[] { new { type = "PodScheduled", status = "False", reason = "Unschedulable", message } },
    });

    /// <summary>Plays the kubelet reporting the launcher's phase and readiness.</summary>
    public Task PodPhaseAsync(V1Pod pod, string phase, bool ready = false) => PodStatusAsync(pod, new
    {
        phase,
        conditions = new object[]
        {
            new { type = "PodScheduled", status = "True" },
            new { type = "Ready", status = ready ? "True" : "False" },
        },
    });

    /// <summary>Plays the kubelet confirming a pod stopped (or an admin force-deleting it).</summary>
    public Task ForceDeleteAsync(V1Pod pod) =>
        Client.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, Ns, new V1DeleteOptions { GracePeriodSeconds = 0 });

    /// <summary>Plays the agent writing the VMI's phase (with its transition, as the agent records them).</summary>
    public Task AgentPhaseAsync(string vmiName, string phase) => Clients.VirtualMachineInstances.PatchStatusAsync(Ns, vmiName, new V1Patch(JsonSerializer.Serialize(new
    {
        status = new { phase, phaseTransitionTimestamps = new[] { new { phase, phaseTransitionTimestamp = DateTime.UtcNow } } },
    }), V1Patch.PatchType.MergePatch), CancellationToken.None);

    public Task CreateNodeAsync(string name, bool ready, DateTime? since = null, string? heartbeat = null, bool schedulable = true) => Client.CoreV1.CreateNodeAsync(new V1Node
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Labels = new Dictionary<string, string> { [VmAddonMetadata.SchedulableNodeLabel] = schedulable ? "true" : "false" },
            Annotations = heartbeat is null ? null : new Dictionary<string, string> { [VmAddonMetadata.HeartbeatAnnotation] = heartbeat },
        },
    }).ContinueWith(_ => NodeReadyAsync(name, ready, since ?? DateTime.UtcNow), TaskScheduler.Default).Unwrap();

    public Task NodeReadyAsync(string name, bool ready, DateTime since) => Client.CoreV1.PatchNodeStatusAsync(new V1Patch(JsonSerializer.Serialize(new
    {
        status = new { conditions = new[] { new { type = "Ready", status = ready ? "True" : "Unknown", lastTransitionTime = since, lastHeartbeatTime = since } } },
    }), V1Patch.PatchType.MergePatch), name);

    private Task PodStatusAsync(V1Pod pod, object status) =>
        Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch(JsonSerializer.Serialize(new { status }), V1Patch.PatchType.MergePatch), pod.Metadata.Name, Ns);

    private static VirtualMachineInstanceSpec Spec(Func<VirtualMachineInstanceSpec, VirtualMachineInstanceSpec>? edit)
    {
        var spec = new VirtualMachineInstanceSpec { Domain = new DomainSpec { Devices = new Devices(), Memory = new Memory { Guest = new ResourceQuantity("64Mi") } } };
        return edit is null ? spec : edit(spec);
    }
}
