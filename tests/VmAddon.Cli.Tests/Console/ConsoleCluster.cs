using k8s;
using k8s.Models;

namespace VmAddon.Cli.Tests.Console;

/// <summary>A `vmaddon-dev up` cluster with one node and a Running host pod to exec into, shared by a test class.</summary>
public sealed class ConsoleCluster : IAsyncLifetime
{
    public const string Namespace = "default";
    public const string Pod = "console-host";
    public const string Container = "main";

    private LocalClusterProcess _cluster = null!;

    public IKubernetes Client { get; private set; } = null!;

    public string KubeconfigPath => Path.Combine(_cluster.Directory, "kubeconfig");

    /// <summary>The client's configuration, for a test that points a client elsewhere (through a relay it can cut).</summary>
    public KubernetesClientConfiguration Configuration { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _cluster = await LocalClusterProcess.StartAsync(firstNodeIndex: 171, nodes: "- name: node-a\n  cpu: \"2\"");
        Configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath);
        Client = new Kubernetes(Configuration);
        await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = Pod },
            Spec = new V1PodSpec
            {
                Containers = [new V1Container { Name = Container, Image = "vmaddon.dev/host", Command = ["sleep", "3600"] }],
            },
        }, Namespace);
        await Eventually.UntilAsync(
            async () => (await Client.CoreV1.ReadNamespacedPodAsync(Pod, Namespace)).Status?.Phase == "Running", $"pod {Pod} to run", TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
