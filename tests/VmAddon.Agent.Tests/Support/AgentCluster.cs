using k8s;
using k8s.Models;
using VmAddon.Api;
using VmAddon.DevCluster.Http;
using VmAddon.Core.Launcher;
using VmAddon.Kube.Clients;

namespace VmAddon.Agent.Tests.Support;

/// <summary>The dev API server with the CRDs and one node, a kubeconfig file for the agent, and the kubelet's part in the tests: launcher pods with an IP.</summary>
internal sealed class AgentCluster : IAsyncDisposable
{
    public const string Node = "node-a";

    private AgentCluster(ApiServer server, Kubernetes client, string kubeconfig)
    {
        Server = server;
        Client = client;
        Clients = new VmAddonClients(client);
        Kubeconfig = kubeconfig;
    }

    public ApiServer Server { get; }

    public Kubernetes Client { get; }

    public VmAddonClients Clients { get; }

    public string Kubeconfig { get; }

    public static async Task<AgentCluster> StartAsync()
    {
        var server = await ApiServer.StartAsync(new ApiServerOptions());
        var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString(), AccessToken = "x" });
        await DevApiCrds.ApplyAsync(client);
        await client.CoreV1.CreateNodeAsync(new V1Node { Metadata = new V1ObjectMeta { Name = Node } });
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"vmaddon-agent-tests-{Guid.NewGuid():N}.kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: dev
              cluster:
                server: {server.BaseAddress}
            users:
            - name: dev
              user:
                token: x
            contexts:
            - name: dev
              context:
                cluster: dev
                user: dev
            current-context: dev
            """);
        return new AgentCluster(server, client, kubeconfig);
    }

    /// <summary>The agent's command line for this cluster, with the test driver and a fast heartbeat.</summary>
    public string[] AgentArgs(params string[] extra) => Args("test", "/nonexistent/kubelet", extra);

    /// <summary>The agent's command line for real launcher pods whose volumes lie under <paramref name="kubeletRoot"/>.</summary>
    public string[] QemuAgentArgs(string kubeletRoot, params string[] extra) => Args("qemu", kubeletRoot, extra);

    private string[] Args(string hypervisor, string kubeletRoot, string[] extra) =>
        ["--node", Node, "--kubeconfig", Kubeconfig, "--hypervisor", hypervisor, "--emulation", "tcg", "--heartbeat-interval", "1s", "--kubelet-root", kubeletRoot, .. extra];

    /// <summary>What the VMI controller and kubelet would have done: a running launcher pod with an IP, and the VMI Scheduled on the node.</summary>
    public async Task<VirtualMachineInstance> ScheduleAsync(string name, string podIp)
    {
        await CreateLaunchedAsync("default", name, new VirtualMachineInstanceSpec
        {
            Domain = new DomainSpec
            {
                Memory = new Memory { Guest = new("64Mi") },
                Devices = new Devices { Interfaces = [new Interface { Name = "default", Masquerade = new InterfaceMasquerade() }] },
            },
            Networks = [new Network { Name = "default", Pod = new VmAddon.Api.PodNetwork() }],
            TerminationGracePeriodSeconds = 30,
        }, podIp);
        return await MarkScheduledAsync("default", name);
    }

    /// <summary>The VMI as the controller creates it (labelled for the node, with its finalizer) and its launcher pod, running with an IP.</summary>
    public async Task<(VirtualMachineInstance Vmi, V1Pod Pod)> CreateLaunchedAsync(string ns, string name, VirtualMachineInstanceSpec spec, string podIp)
    {
        var vmi = await Clients.VirtualMachineInstances.CreateAsync(new VirtualMachineInstance
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = ns,
                Labels = new Dictionary<string, string> { [VmAddonMetadata.NodeNameLabel] = Node },
                Finalizers = [VmAddonMetadata.InstanceFinalizer],
            },
            Spec = spec,
        }, CancellationToken.None);
        var pod = await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"virt-launcher-{name}",
                Labels = new Dictionary<string, string> { [LauncherPodLabels.CreatedBy] = vmi.Metadata.Uid, [LauncherPodLabels.VmiName] = name },
            },
            Spec = new V1PodSpec { NodeName = Node, Containers = [new V1Container { Name = LauncherLayout.ComputeContainerName, Image = "vmaddon-launcher" }] },
        }, ns);
        pod = await Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch(
            System.Text.Json.JsonSerializer.Serialize(new { status = new { phase = "Running", podIP = podIp, podIPs = new[] { new { ip = podIp } } } }), V1Patch.PatchType.MergePatch), pod.Metadata.Name, ns);
        return (vmi, pod);
    }

    /// <summary>The controller's last step before the agent takes over: phase Scheduled on this node.</summary>
    public Task<VirtualMachineInstance> MarkScheduledAsync(string ns, string name) =>
        Clients.VirtualMachineInstances.PatchStatusAsync(ns, name, new V1Patch(
            System.Text.Json.JsonSerializer.Serialize(new { status = new { phase = "Scheduled", nodeName = Node, phaseTransitionTimestamps = new[] { new { phase = "Scheduled", phaseTransitionTimestamp = "2026-01-01T00:00:00Z" } } } }),
            V1Patch.PatchType.MergePatch), CancellationToken.None);

    /// <summary>Waits until the VMI matches, and returns it.</summary>
    public async Task<VirtualMachineInstance> WaitForAsync(string name, Func<VirtualMachineInstance, bool> condition, string what, string ns = "default")
    {
        VirtualMachineInstance? vmi = null;
        await Eventually.UntilAsync(async () => (vmi = await Clients.VirtualMachineInstances.GetAsync(ns, name, CancellationToken.None)) is { } found && condition(found),
            $"{name}: {what}");
        return vmi!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        File.Delete(Kubeconfig);
    }
}
