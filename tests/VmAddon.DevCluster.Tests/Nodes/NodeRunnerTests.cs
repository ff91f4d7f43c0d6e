using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using VmAddon.DevCluster.Http;
using VmAddon.DevCluster.Nodes;

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
            Index = 200 - (Environment.ProcessId % 50),
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
    public async Task A_host_pod_runs_to_completion_with_its_env_volume_and_own_ip_which_its_hostname_resolves_to()
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
                        Command = ["sh", "-c", "echo hi $POD_NAME; ip -4 -o addr show eth0 | grep -q $POD_IP && echo has-ip; getent hosts $(hostname) | grep -q \"^$POD_IP \" && echo resolves; echo data > /scratch/file"],
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
        log.Should().MatchRegex(@"^\S+ stdout F hi hello\n\S+ stdout F has-ip\n\S+ stdout F resolves\n$", "the kubelet-managed /etc/hosts maps the pod's hostname to its IP");
        (await File.ReadAllTextAsync(Path.Combine(_directory, "node-t1", "kubelet", "pods", pod.Metadata.Uid, "volumes", "kubernetes.io~empty-dir", "scratch", "file")))
            .Should().Be("data\n");
    }

    [Fact]
    public async Task A_crashing_container_restarts_with_backoff_and_keeps_its_last_state()
    {
        await _client.CoreV1.CreateNamespacedPodAsync(HostPod("crash", "echo boom; exit 3", restartPolicy: "Always"), "default");

        V1Pod pod = null!;
        await Eventually.UntilAsync(async () => (pod = await _client.CoreV1.ReadNamespacedPodAsync("crash", "default")).Status?.ContainerStatuses?.Single().RestartCount >= 2,
            "two restarts");

        var status = pod.Status.ContainerStatuses.Single();
        status.LastState.Terminated.ExitCode.Should().Be(3);
        status.LastState.Terminated.Reason.Should().Be("Error");
        pod.Status.Phase.Should().Be("Running");
    }

    [Fact]
    public async Task Readiness_follows_an_exec_probe()
    {
        var pod = HostPod("ready", "sleep 1; touch /tmp/ready-$POD_UID; sleep 60", restartPolicy: "Never");
        pod.Spec.Containers[0].ReadinessProbe = new V1Probe { Exec = new V1ExecAction { Command = ["sh", "-c", "test -f /tmp/ready-$POD_UID"] }, PeriodSeconds = 1 };
        await _client.CoreV1.CreateNamespacedPodAsync(pod, "default");

        var running = await WaitForPhaseAsync("ready", "Running");
        await Eventually.UntilAsync(async () => (await _client.CoreV1.ReadNamespacedPodAsync("ready", "default")).Status.Conditions
            .Any(c => c.Type == "Ready" && c.Status == "True"), "the readiness probe to pass");

        running.Status.Conditions.Should().Contain(c => c.Type == "Ready" && c.Status == "False", "the probe has not passed when the container starts");
    }

    [Fact]
    public async Task Deletion_sends_sigterm_waits_for_the_container_then_removes_the_pod()
    {
        var pod = HostPod("graceful", "trap 'echo got-term > /keep/term; exit 0' TERM; echo started > /scratch/started; while true; do sleep 0.1; done", restartPolicy: "Never");
        pod.Spec.TerminationGracePeriodSeconds = 20;
        pod.Spec.Volumes.Add(new V1Volume { Name = "keep", HostPath = new V1HostPathVolumeSource { Path = "/graceful-test" } });
        pod.Spec.Containers[0].VolumeMounts.Add(new V1VolumeMount { Name = "keep", MountPath = "/keep" });
        var created = await _client.CoreV1.CreateNamespacedPodAsync(pod, "default");
        var scratch = Path.Combine(_directory, "node-t1", "kubelet", "pods", created.Metadata.Uid, "volumes", "kubernetes.io~empty-dir", "scratch");
        await Eventually.UntilAsync(() => Task.FromResult(File.Exists(Path.Combine(scratch, "started"))), "the container to start");

        await _client.CoreV1.DeleteNamespacedPodAsync("graceful", "default");
        await Eventually.UntilAsync(async () => (await _client.CoreV1.ListNamespacedPodAsync("default", fieldSelector: "metadata.name=graceful")).Items.Count == 0,
            "the pod to go");

        // hostPath lives under the node's own root, so it outlives the pod.
        (await File.ReadAllTextAsync(Path.Combine(_directory, "node-t1", "rootfs", "graceful-test", "term"))).Should().Be("got-term\n");
        Directory.Exists(scratch).Should().BeFalse("the node removes a deleted pod's directories");
    }

    [Fact]
    public async Task An_image_missing_from_the_map_is_err_image_pull_then_backoff()
    {
        var pod = HostPod("missing", "true", restartPolicy: "Never");
        pod.Spec.Containers[0].Image = "registry.example/unknown:1";
        await _client.CoreV1.CreateNamespacedPodAsync(pod, "default");

        await Eventually.UntilAsync(async () => (await _client.CoreV1.ReadNamespacedPodAsync("missing", "default")).Status?.ContainerStatuses?.Single().State.Waiting?.Reason
            == "ImagePullBackOff", "ImagePullBackOff");
        var events = await _client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.name=missing,reason=Failed");

        events.Items.Should().ContainSingle().Which.Message.Should().Contain("registry.example/unknown:1");
    }

    [Fact]
    public async Task Init_containers_run_first_and_volumes_users_and_an_http_probe_work()
    {
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings" }, Data = new Dictionary<string, string> { ["mode"] = "fast" } }, "default");
        await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "creds" }, StringData = new Dictionary<string, string> { ["user"] = "admin" } }, "default");
        var pod = HostPod("full", "id -u > /scratch/uid; cat /config/mode /secret/user /info/labels > /scratch/seen; cp /scratch/seen /www/index.html; exec busybox httpd -f -p 8080 -h /www", "Never");
        pod.Metadata.Labels = new Dictionary<string, string> { ["app"] = "full" };
        var main = pod.Spec.Containers[0];
        main.SecurityContext = new V1SecurityContext { RunAsUser = 1234 };
        main.ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/index.html", Port = 8080 }, PeriodSeconds = 1 };
        main.VolumeMounts.Add(new V1VolumeMount { Name = "config", MountPath = "/config" });
        main.VolumeMounts.Add(new V1VolumeMount { Name = "secret", MountPath = "/secret" });
        main.VolumeMounts.Add(new V1VolumeMount { Name = "info", MountPath = "/info" });
        main.VolumeMounts.Add(new V1VolumeMount { Name = "www", MountPath = "/www" });
        pod.Spec.InitContainers = [new V1Container
        {
            Name = "init", Image = ImageMap.HostImage, Command = ["sh", "-c", "echo from-init > /scratch/init"],
            VolumeMounts = [new V1VolumeMount { Name = "scratch", MountPath = "/scratch" }],
        }];
        pod.Spec.Volumes.Add(new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = "settings" } });
        pod.Spec.Volumes.Add(new V1Volume { Name = "secret", Secret = new V1SecretVolumeSource { SecretName = "creds" } });
        pod.Spec.Volumes.Add(new V1Volume { Name = "info", DownwardAPI = new V1DownwardAPIVolumeSource { Items = [new V1DownwardAPIVolumeFile { Path = "labels", FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.labels" } }] } });
        pod.Spec.Volumes.Add(new V1Volume { Name = "www", EmptyDir = new V1EmptyDirVolumeSource() });
        var created = await _client.CoreV1.CreateNamespacedPodAsync(pod, "default");

        await Eventually.UntilAsync(async () => (await _client.CoreV1.ReadNamespacedPodAsync("full", "default")).Status?.Conditions?
            .Any(c => c.Type == "Ready" && c.Status == "True") == true, "the http probe to pass");
        var scratch = Path.Combine(_directory, "node-t1", "kubelet", "pods", created.Metadata.Uid, "volumes", "kubernetes.io~empty-dir", "scratch");
        var status = await _client.CoreV1.ReadNamespacedPodAsync("full", "default");

        (await File.ReadAllTextAsync(Path.Combine(scratch, "init"))).Should().Be("from-init\n");
        (await File.ReadAllTextAsync(Path.Combine(scratch, "uid"))).Should().Be("1234\n");
        (await File.ReadAllTextAsync(Path.Combine(scratch, "seen"))).Should().Be("fastadminapp=\"full\"", "volume files hold the values as they are, without newlines");
        status.Status.InitContainerStatuses.Single().State.Terminated.ExitCode.Should().Be(0);
        status.Status.Conditions.Should().Contain(c => c.Type == "Initialized" && c.Status == "True");
    }

    private static V1Pod HostPod(string name, string script, string restartPolicy) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PodSpec
        {
            NodeName = "node-t1",
            RestartPolicy = restartPolicy,
            Containers =
            [
                new V1Container
                {
                    Name = "main",
                    Image = ImageMap.HostImage,
                    Command = ["sh", "-c", script],
                    Env = [new V1EnvVar { Name = "POD_UID", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.uid" } } }],
                    VolumeMounts = [new V1VolumeMount { Name = "scratch", MountPath = "/scratch" }],
                },
            ],
            Volumes = [new V1Volume { Name = "scratch", EmptyDir = new V1EmptyDirVolumeSource() }],
        },
    };

    private async Task<V1Pod> WaitForPhaseAsync(string name, string phase)
    {
        V1Pod pod = null!;
        await Eventually.UntilAsync(async () => (pod = await _client.CoreV1.ReadNamespacedPodAsync(name, "default")).Status?.Phase == phase, $"pod {name} to be {phase}");
        return pod;
    }
}
