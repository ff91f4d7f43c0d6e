using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using VmAddon.DevCluster.Http;
using VmAddon.DevCluster.Nodes;
using VmAddon.DevCluster.Tests.Server;

namespace VmAddon.DevCluster.Tests.Nodes;

/// <summary>A node runner against the in-process API server, running real processes in their own network and mount namespaces (needs root).</summary>
public sealed class NodeRunnerTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vmaddon-node-").FullName;
    private ApiServer _server = null!;
    private Kubernetes _client = null!;
    private NodeRunner _node = null!;

    public async Task InitializeAsync()
    {
        TestHost.Prerequisites.Require();
        _server = await ApiServer.StartAsync(new ApiServerOptions());
        _client = new Kubernetes(new KubernetesClientConfiguration { Host = _server.BaseAddress.ToString(), AccessToken = "x" });
        _node = new NodeRunner(_client, new NodeRunnerOptions
        {
            NodeName = "node-t1",
            Index = 201 - (Environment.ProcessId % 50),
            Directory = _directory,
            RestartBackoff = TimeSpan.FromMilliseconds(200),
        }, TimeProvider.System, NullLogger.Instance);
        await _node.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _client.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_node_registers_ready_with_capacity_and_a_lease()
    {
        var node = await _client.CoreV1.ReadNodeAsync("node-t1");
        var lease = await _client.CoordinationV1.ReadNamespacedLeaseAsync("node-t1", "kube-node-lease");

        node.Status.Conditions.Should().Contain(c => c.Type == "Ready" && c.Status == "True");
        node.Status.Allocatable["cpu"].ToString().Should().Be("4");
        node.Metadata.Labels["kubernetes.io/hostname"].Should().Be("node-t1");
        lease.Spec.HolderIdentity.Should().Be("node-t1");
    }

    [Fact]
    public async Task A_host_pod_runs_to_completion_with_its_env_volume_and_own_ip()
    {
        var pod = await _client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "hello" },
            Spec = new V1PodSpec
            {
                NodeName = "node-t1",
                RestartPolicy = "Never",
                Containers =
                [
                    new V1Container
                    {
                        Name = "main",
                        Image = ImageMap.HostImage,
                        Command = ["sh", "-c", "echo hi $POD_NAME; ip -4 -o addr show eth0 | grep -q $POD_IP && echo has-ip; echo data > /scratch/file"],
                        Env =
                        [
                            new V1EnvVar { Name = "POD_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
                            new V1EnvVar { Name = "POD_IP", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "status.podIP" } } },
                        ],
                        VolumeMounts = [new V1VolumeMount { Name = "scratch", MountPath = "/scratch" }],
                    },
                ],
                Volumes = [new V1Volume { Name = "scratch", EmptyDir = new V1EmptyDirVolumeSource() }],
            },
        }, "default");

        var done = await WaitForPhaseAsync("hello", "Succeeded");
        var log = await File.ReadAllTextAsync(Path.Combine(_directory, "node-t1", "logs", "pods", $"default_hello_{pod.Metadata.Uid}", "main", "0.log"));

        done.Status.ContainerStatuses.Single().State.Terminated.ExitCode.Should().Be(0);
        done.Status.PodIP.Should().StartWith("10.244.");
        log.Should().MatchRegex(@"^\S+ stdout F hi hello\n\S+ stdout F has-ip\n$");
        (await File.ReadAllTextAsync(Path.Combine(_directory, "node-t1", "kubelet", "pods", pod.Metadata.Uid, "volumes", "kubernetes.io~empty-dir", "scratch", "file")))
            .Should().Be("data\n");
    }

    private async Task<V1Pod> WaitForPhaseAsync(string name, string phase)
    {
        V1Pod pod = null!;
        await DevApiServer.WaitUntilAsync(async () => (pod = await _client.CoreV1.ReadNamespacedPodAsync(name, "default")).Status?.Phase == phase, $"pod {name} to be {phase}");
        return pod;
    }
}
