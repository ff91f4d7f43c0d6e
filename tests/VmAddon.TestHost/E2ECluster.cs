using System.Globalization;
using k8s;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Launcher;
using VmAddon.Kube.Clients;

namespace VmAddon.TestHost;

/// <summary>
/// The whole product on a local cluster, started as <c>make run</c> starts it: <c>vmaddon-dev up</c> with node-1 and
/// node-2, the CRDs from crds/, the controller, and one agent per node, each a real process.
/// </summary>
public sealed class E2ECluster : IAsyncDisposable
{
    /// <summary>How long a guest may take from create to Running under software emulation on a loaded machine; a hang guard, not an assertion.</summary>
    public static readonly TimeSpan BootGuard = TimeSpan.FromMinutes(3);

    /// <summary>The controller's node monitor timeout here: short, so node loss is noticed within the test.</summary>
    public const string NodeMonitorTimeout = "5s";

    public const string Namespace = "default";

    private readonly Dictionary<string, DotnetProgram> _agents = [];
    private DotnetProgram? _controller;

    private readonly E2EClusterOptions _options;

    private E2ECluster(LocalClusterProcess cluster, E2EClusterOptions options)
    {
        Cluster = cluster;
        _options = options;
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig));
        Clients = new VmAddonClients(Client);
    }

    public static IReadOnlyList<string> Nodes { get; } = ["node-1", "node-2"];

    public LocalClusterProcess Cluster { get; }

    public Kubectl Kubectl => Cluster.Kubectl;

    public Kubernetes Client { get; }

    public VmAddonClients Clients { get; }

    public string Kubeconfig => Path.Combine(Cluster.Directory, "kubeconfig");

    public DotnetProgram Controller => _controller ?? throw new InvalidOperationException("the controller is not running");

    public DotnetProgram Agent(string node) => _agents[node];

    /// <summary>Starts the cluster (node indexes from <paramref name="firstNodeIndex"/>), applies the CRDs, and starts the controller and the agents.</summary>
    public static async Task<E2ECluster> StartAsync(int firstNodeIndex, E2EClusterOptions? options = null)
    {
        options ??= new E2EClusterOptions();
        _ = Repository.Launcher;
        _ = Repository.GuestImage;
        var nodes = string.Join('\n', Nodes.Select(n => $"- name: {n}\n  cpu: \"{options.NodeCpu}\"\n  memory: {options.NodeMemory}\n  maxPods: {options.NodeMaxPods}"));
        var cluster = await LocalClusterProcess.StartAsync(firstNodeIndex, options.NodeMonitorGraceSeconds, nodes);
        var e2e = new E2ECluster(cluster, options);
        try
        {
            var crds = Path.Combine(Repository.Root, "crds");
            await e2e.Kubectl.SucceedAsync($"apply -f {crds}");
            await e2e.Kubectl.SucceedAsync($"wait --for condition=Established --timeout 60s -f {crds}");
            e2e.StartController();
            foreach (var node in Nodes)
            {
                e2e.StartAgent(node);
            }

            await e2e.WaitUntilAsync(async () => (await e2e.Client.CoreV1.ListNodeAsync(labelSelector: $"{VmAddonMetadata.SchedulableNodeLabel}=true")).Items.Count == Nodes.Count,
                "every agent to mark its node schedulable", TimeSpan.FromSeconds(90));
            return e2e;
        }
        catch
        {
            await e2e.DisposeAsync();
            throw;
        }
    }

    public void StartController() => _controller = DotnetProgram.Start("vmaddon-controller",
    [
        "--kubeconfig", Kubeconfig, "--software-emulation", "--metrics-listen", "127.0.0.1:0", "--node-monitor-timeout", NodeMonitorTimeout,
        .. _options.ControllerArguments,
    ]);

    public void StartAgent(string node) => _agents[node] = DotnetProgram.Start("vmaddon-agent",
    [
        "--node", node, "--kubeconfig", Kubeconfig, "--kubelet-root", Path.Combine(Cluster.Directory, node, "kubelet"),
        "--metrics-listen", "127.0.0.1:0", "--launcher", Repository.Launcher,
        .. _options.AgentArguments,
    ]);

    /// <summary>Stops an agent with <paramref name="signal"/> (KILL for a crash) and forgets it.</summary>
    public async Task StopAgentAsync(string node, string signal = "TERM")
    {
        await _agents[node].StopAsync(signal, TimeSpan.FromSeconds(60));
        await _agents[node].DisposeAsync();
        _agents.Remove(node);
    }

    public async Task StopControllerAsync(string signal = "TERM")
    {
        await Controller.StopAsync(signal, TimeSpan.FromSeconds(60));
        await Controller.DisposeAsync();
        _controller = null;
    }

    /// <summary>Creates (or updates) objects from YAML with kubectl apply, as a user would.</summary>
    public Task ApplyAsync(string yaml) => Kubectl.SucceedAsync("apply -f -", yaml);

    public Task<VirtualMachine?> VmAsync(string name) => Clients.VirtualMachines.GetAsync(Namespace, name, CancellationToken.None);

    public Task<VirtualMachineInstance?> VmiAsync(string name) => Clients.VirtualMachineInstances.GetAsync(Namespace, name, CancellationToken.None);

    public async Task<IList<V1Pod>> LauncherPodsAsync(string vm) =>
        (await Client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: $"{LauncherPodLabels.VmiName}={vm}")).Items;

    /// <summary>The QEMU processes on this machine running the VM's domain, whichever node's pod they are in.</summary>
    public static async Task<IReadOnlyList<int>> QemuPidsAsync(string vm)
    {
        // "[q]emu" matches QEMU but not another pgrep looking for it at the same moment, whose own command line holds the pattern.
        var (_, output) = await HostCommand.TryRunAsync("pgrep", "-f", $"[q]emu-system.*guest={Namespace}_{vm},");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
    }

    /// <summary>Waits until the guest's banner shows in <c>kubectl logs LAUNCHER -c guest-console-log</c>: the guest is up.</summary>
    public async Task WaitForGuestBannerAsync(string vm)
    {
        var pod = (await LauncherPodsAsync(vm)).Single().Metadata.Name;
        await WaitUntilAsync(async () => (await Kubectl.RunAsync($"logs {pod} -c guest-console-log")).Output.Contains(GuestManifests.GuestBanner, StringComparison.Ordinal),
            $"the guest's banner in kubectl logs {pod} -c guest-console-log", BootGuard);
    }

    /// <summary>Deletes every VM in the namespace and waits until their launcher pods, and so their guests, are gone.</summary>
    public async Task DeleteAllVmsAsync()
    {
        await Kubectl.SucceedAsync($"delete vm --all -n {Namespace} --wait=false");
        await WaitUntilAsync(async () => (await Client.CoreV1.ListNamespacedPodAsync(Namespace, labelSelector: LauncherPodLabels.Component)).Items.Count == 0,
            "every launcher pod to be gone after deleting the VMs", BootGuard);
    }

    /// <summary>Waits for the VM's printableStatus, failing with the cluster's state and our programs' logs.</summary>
    public Task WaitForVmAsync(string name, string printableStatus, TimeSpan? guard = null) =>
        WaitUntilAsync(async () => (await VmAsync(name))?.Status?.PrintableStatus == printableStatus,
            $"VM {name} to be {printableStatus}", guard ?? BootGuard);

    /// <summary>Eventually.UntilAsync, whose failure also tells what the cluster and our programs were doing.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan guard, TimeSpan? every = null)
    {
        try
        {
            await Eventually.UntilAsync(condition, what, guard, every ?? TimeSpan.FromMilliseconds(250));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{await DiagnosticsAsync()}", e);
        }
    }

    /// <summary>What to look at when a test fails: objects, events, and the tail of each program's output.</summary>
    public async Task<string> DiagnosticsAsync()
    {
        var objects = await Kubectl.RunAsync("get vm,vmi,pods,nodes -A -o wide");
        var events = await Kubectl.RunAsync("get events -A --sort-by=.lastTimestamp");
        var programs = _agents.Values.Prepend(_controller).OfType<DotnetProgram>()
            .Select(p => $"--- {p.Name} (pid {p.Pid}):\n{Tail(p.Output, 40)}");
        return $"--- kubectl get vm,vmi,pods,nodes:\n{objects.Output}{objects.Error}\n--- events:\n{Tail(events.Output, 40)}\n{string.Join('\n', programs)}";
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _agents.Keys.ToList())
        {
            await StopAgentAsync(node);
        }

        if (_controller is not null)
        {
            await StopControllerAsync();
        }

        Client.Dispose();
        await Cluster.DisposeAsync();
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));
}
