using System.Globalization;

namespace VmAddon.DevCluster.Tests.Cluster;

/// <summary>`vmaddon-dev up` and what its pods do, driven through the installed kubectl as a user would (issue 5's acceptance).</summary>
public sealed class LocalClusterTests : IAsyncLifetime
{
    private LocalClusterProcess _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalClusterProcess.StartAsync(firstNodeIndex: 101);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Run_reaches_succeeded_logs_show_its_output_exec_works_and_delete_is_graceful()
    {
        var kubectl = _cluster.Kubectl;

        await kubectl.SucceedAsync("run hello --image=vmaddon.dev/host --restart=Never -- sh -c 'echo hi'");
        await Eventually.UntilAsync(async () => (await kubectl.SucceedAsync("get pod hello -o jsonpath='{.status.phase}'")) == "Succeeded", "hello to succeed");
        var logs = await kubectl.SucceedAsync("logs hello");
        await kubectl.SucceedAsync("run web --image=vmaddon.dev/host -- sh -c 'trap \"echo bye; exit 0\" TERM; while true; do sleep 0.2; done'");
        await kubectl.SucceedAsync("wait --for=condition=Ready pod/web --timeout=30s");
        var exec = await kubectl.RunAsync("exec web -- sh -c 'hostname; echo err >&2; exit 5'");
        var piped = await kubectl.RunAsync("exec -i web -- cat", stdin: "through stdin\n");
        var deleted = await kubectl.SucceedAsync("delete pod web");

        logs.Should().Be("hi\n");
        exec.ExitCode.Should().Be(5);
        exec.Output.Should().Be("web\n");
        exec.Error.Should().Contain("err\n");
        piped.Output.Should().Be("through stdin\n");
        deleted.Should().Be("pod \"web\" deleted\n");
    }

    [Fact]
    public async Task Exec_with_a_terminal_works()
    {
        var kubectl = _cluster.Kubectl;
        await kubectl.SucceedAsync("run shell --image=vmaddon.dev/host -- sh -c 'while true; do sleep 0.2; done'");
        await kubectl.SucceedAsync("wait --for=condition=Ready pod/shell --timeout=30s");

        // kubectl -t needs a terminal: script(1) gives it one.
        var result = await new Kubectl(Path.Combine(_cluster.Directory, "kubeconfig")).RunScriptedTtyAsync("exec -it shell -- sh -c 'tty; echo tty-ok'");

        result.Should().Contain("/dev/pts/").And.Contain("tty-ok");
    }

    [Fact]
    public async Task Empty_dirs_live_under_the_kubelet_style_path()
    {
        var kubectl = _cluster.Kubectl;
        await kubectl.SucceedAsync("create -f -", """
            apiVersion: v1
            kind: Pod
            metadata: {name: writer}
            spec:
              restartPolicy: Never
              containers:
              - name: main
                image: vmaddon.dev/host
                command: [sh, -c, "echo written > /data/file"]
                volumeMounts: [{name: data, mountPath: /data}]
              volumes: [{name: data, emptyDir: {}}]
            """);
        await Eventually.UntilAsync(async () => (await kubectl.SucceedAsync("get pod writer -o jsonpath='{.status.phase}'")) == "Succeeded", "writer to succeed");
        var node = await kubectl.SucceedAsync("get pod writer -o jsonpath='{.spec.nodeName}'");
        var uid = await kubectl.SucceedAsync("get pod writer -o jsonpath='{.metadata.uid}'");

        var file = Path.Combine(_cluster.Directory, node, "kubelet", "pods", uid, "volumes", "kubernetes.io~empty-dir", "data", "file");
        (await File.ReadAllTextAsync(file)).Should().Be("written\n");
    }

    [Fact]
    public async Task An_unsatisfiable_node_selector_stays_pending_with_failed_scheduling()
    {
        var kubectl = _cluster.Kubectl;
        await kubectl.SucceedAsync("run nowhere --image=vmaddon.dev/host --overrides={\"spec\":{\"nodeSelector\":{\"disk\":\"tape\"}}} -- sleep 60");

        await Eventually.UntilAsync(async () => (await kubectl.SucceedAsync("get events --field-selector reason=FailedScheduling -o name")).Length > 0, "FailedScheduling");
        var condition = await kubectl.SucceedAsync("get pod nowhere -o jsonpath='{.status.phase} {.status.conditions[?(@.type==\"PodScheduled\")].reason}'");

        condition.Should().Be("Pending Unschedulable");
    }

    [Fact]
    public async Task Two_pods_on_one_node_listen_on_the_same_port_each_on_its_own_ip()
    {
        var kubectl = _cluster.Kubectl;
        foreach (var name in new[] { "one", "two" })
        {
            await kubectl.SucceedAsync($"run {name} --image=vmaddon.dev/host --overrides={{\"spec\":{{\"nodeName\":\"node-a\"}}}} -- sh -c 'while true; do echo {name} | busybox nc -l -p 8080; done'");
        }

        await kubectl.SucceedAsync("wait --for=condition=Ready pod/one pod/two --timeout=30s");
        var answers = new List<string>();
        foreach (var name in new[] { "one", "two" })
        {
            var ip = await kubectl.SucceedAsync($"get pod {name} -o jsonpath='{{.status.podIP}}'");
            await Eventually.UntilAsync(async () =>
            {
                try
                {
                    using var client = new System.Net.Sockets.TcpClient();
                    await client.ConnectAsync(ip, 8080);
                    using var reader = new StreamReader(client.GetStream());
                    var line = await reader.ReadLineAsync();
                    if (line is not null)
                    {
                        answers.Add(line.Trim());
                    }

                    return line is not null;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    return false;
                }
            }, $"{name} to answer on {ip}:8080");
        }

        answers.Should().Equal("one", "two");
    }

    [Fact]
    public async Task A_stopped_node_turns_not_ready_is_tainted_and_its_pods_are_marked()
    {
        await using var cluster = await LocalClusterProcess.StartAsync(firstNodeIndex: 111, nodeMonitorGraceSeconds: 4);
        var kubectl = cluster.Kubectl;
        await kubectl.SucceedAsync("run victim --image=vmaddon.dev/host --overrides={\"spec\":{\"nodeName\":\"node-b\",\"tolerations\":[{\"key\":\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\",\"effect\":\"NoExecute\",\"tolerationSeconds\":2}]}} -- sleep 600");
        await kubectl.SucceedAsync("wait --for=condition=Ready pod/victim --timeout=30s");

        var stopped = await cluster.RunAsync("node", "stop", "node-b");
        await Eventually.UntilAsync(async () => (await kubectl.SucceedAsync("get node node-b -o jsonpath='{.status.conditions[?(@.type==\"Ready\")].status}'")) == "Unknown",
            "node-b to turn NotReady");
        await Eventually.UntilAsync(async () => (await kubectl.SucceedAsync("get pod victim -o jsonpath='{.metadata.deletionTimestamp}'")).Length > 0,
            "the pod to be evicted");
        var taints = await kubectl.SucceedAsync("get node node-b -o jsonpath='{range .spec.taints[*]}{.key}:{.effect} {end}'");
        var ready = await kubectl.SucceedAsync("get pod victim -o jsonpath='{.status.conditions[?(@.type==\"Ready\")].status}'");

        stopped.Should().StartWith("node node-b lost");
        taints.Should().Contain("node.kubernetes.io/unreachable:NoExecute").And.Contain("node.kubernetes.io/unreachable:NoSchedule");
        ready.Should().Be("False");
        (await kubectl.SucceedAsync("get pod victim -o name")).Should().Be("pod/victim\n", "its kubelet is gone, so the pod stays Terminating");

        // Back again, the node cleans up what it left behind and finishes the pod's deletion; its taints go once it posts Ready.
        await cluster.RunAsync("node", "start", "node-b");
        await Eventually.UntilAsync(async () => (await kubectl.RunAsync("get pod victim")).ExitCode != 0, "the returning node to finish the deletion");
        await Eventually.UntilAsync(async () => (await kubectl.SucceedAsync("get node node-b -o jsonpath='{range .spec.taints[*]}{.key}{end}'")).Length == 0, "the taints to go");
    }

    [Fact]
    public async Task Up_then_ctrl_c_leaves_no_process_behind()
    {
        var cluster = await LocalClusterProcess.StartAsync(firstNodeIndex: 121);
        await cluster.Kubectl.SucceedAsync("run sleeper --image=vmaddon.dev/host --overrides={\"spec\":{\"nodeName\":\"node-a\"}} -- sleep 600");
        await cluster.Kubectl.SucceedAsync("wait --for=condition=Ready pod/sleeper --timeout=30s");
        var runners = new[] { "node-a", "node-b" }.Select(n => int.Parse(File.ReadAllText(Path.Combine(cluster.Directory, n, "runner.pid")), CultureInfo.InvariantCulture)).ToList();

        var code = await cluster.InterruptAsync();
        var leftovers = (await VmAddon.DevCluster.Nodes.Host.HostProcess.RunAsync("ip", "netns", "list")).Split('\n').Where(l => l.StartsWith("vmd121-", StringComparison.Ordinal) || l.StartsWith("vmd122-", StringComparison.Ordinal));
        var sleepers = (await VmAddon.DevCluster.Nodes.Host.HostProcess.TryRunAsync("pgrep", "-f", "^sleep 600$")).Output;
        await cluster.DisposeAsync();

        code.Should().Be(0);
        runners.Should().OnlyContain(pid => !VmAddon.DevCluster.Cluster.ClusterLayout.IsAlive(pid), "a zombie waiting for init to reap it counts as gone");
        leftovers.Should().BeEmpty();
        sleepers.Should().BeEmpty();
    }
}
