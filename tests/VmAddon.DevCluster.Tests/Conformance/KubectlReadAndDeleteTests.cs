using VmAddon.DevCluster.Tests.Server;

namespace VmAddon.DevCluster.Tests.Conformance;

/// <summary>kubectl's reads, watches, waits and deletes against the dev API server.</summary>
[Collection(DevApiServerCollection.Name)]
public sealed class KubectlReadAndDeleteTests(DevApiServer server)
{
    private readonly Kubectl _kubectl = server.Kubectl;

    [Fact]
    public async Task Get_prints_yaml_wide_columns_and_jsonpath()
    {
        var ns = await server.NewNamespaceAsync();
        await _kubectl.SucceedAsync($"-n {ns} create -f -", Manifests.Vm("vm1"));
        await _kubectl.SucceedAsync($"-n {ns} patch vm vm1 --subresource=status --type merge -p '{{\"status\":{{\"printableStatus\":\"Running\",\"ready\":true}}}}'");

        var yaml = await _kubectl.SucceedAsync($"-n {ns} get vm vm1 -o yaml");
        var table = await _kubectl.SucceedAsync($"-n {ns} get vm");
        var wide = await _kubectl.SucceedAsync($"-n {ns} get vms -o wide");
        var jsonpath = await _kubectl.SucceedAsync($"-n {ns} get vm -o jsonpath='{{.items[*].metadata.name}}/{{.items[0].status.printableStatus}}'");

        yaml.Should().StartWith("apiVersion: vmaddon.io/v1alpha1\nkind: VirtualMachine\nmetadata:\n").And.Contain($"  namespace: {ns}\n").And.Contain("  runStrategy: Always\n");
        table.Should().MatchRegex(@"^NAME\s+AGE\s+STATUS\s+READY\s*\nvm1\s+\d+s\s+Running\s+true\s*\n$");
        wide.Should().MatchRegex(@"^NAME\s+AGE\s+STATUS\s+READY\s*\nvm1\s+\d+s\s+Running\s+true\s*\n$", "the VirtualMachine CRD has no priority columns");
        jsonpath.Should().Be("vm1/Running");
    }

    [Fact]
    public async Task Get_of_built_in_pods_prints_the_real_columns()
    {
        var ns = await server.NewNamespaceAsync();
        await _kubectl.SucceedAsync($"-n {ns} create -f -", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"busybox\"}]}}");

        var table = await _kubectl.SucceedAsync($"-n {ns} get pods");
        var wide = await _kubectl.SucceedAsync($"-n {ns} get pod p -o wide");

        table.Should().MatchRegex(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s*\np\s+0/1\s+Pending\s+0\s+\d+s\s*\n$");
        wide.Should().MatchRegex(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\s*\np\s+0/1\s+Pending\s+0\s+\d+s\s+<none>\s+<none>\s+<none>\s+<none>\s*\n$");
    }

    [Fact]
    public async Task Get_watch_prints_each_change_as_it_happens()
    {
        var ns = await server.NewNamespaceAsync();
        await _kubectl.SucceedAsync($"-n {ns} create -f -", Manifests.Vm("vm1"));
        using var watch = _kubectl.Start($"-n {ns} get vm --watch --output-watch-events");
        var lines = new List<string>();
        async Task<string> NextAsync()
        {
            var line = await watch.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            lines.Add(line!);
            return line!;
        }

        (await NextAsync()).Should().MatchRegex(@"^EVENT\s+NAME\s+AGE\s+STATUS\s+READY");
        (await NextAsync()).Should().MatchRegex(@"^ADDED\s+vm1\s+\d+s");
        await _kubectl.SucceedAsync($"-n {ns} patch vm vm1 --subresource=status --type merge -p '{{\"status\":{{\"printableStatus\":\"Stopped\"}}}}'");
        (await NextAsync()).Should().MatchRegex(@"^MODIFIED\s+vm1\s+\d+s\s+Stopped");
        await _kubectl.SucceedAsync($"-n {ns} delete vm vm1");
        (await NextAsync()).Should().MatchRegex(@"^DELETED\s+vm1\s+\d+s\s+Stopped");
        watch.Kill();
    }

    [Fact]
    public async Task Wait_for_a_condition_and_for_deletion()
    {
        var ns = await server.NewNamespaceAsync();
        await _kubectl.SucceedAsync($"-n {ns} create -f -", Manifests.Vm("vm1"));
        await _kubectl.SucceedAsync($"-n {ns} patch vm vm1 --type merge -p '{{\"metadata\":{{\"finalizers\":[\"example.com/hold\"]}}}}'");

        var waitReady = _kubectl.RunAsync($"-n {ns} wait --for=condition=Ready vm/vm1 --timeout=20s");
        await Task.Delay(300);
        await _kubectl.SucceedAsync($"-n {ns} patch vm vm1 --subresource=status --type merge -p '{{\"status\":{{\"conditions\":[{{\"type\":\"Ready\",\"status\":\"True\"}}]}}}}'");
        var ready = await waitReady;
        await _kubectl.SucceedAsync($"-n {ns} delete vm vm1 --wait=false");
        var waitGone = _kubectl.RunAsync($"-n {ns} wait --for=delete vm/vm1 --timeout=20s");
        await Task.Delay(300);
        var stillThere = await _kubectl.SucceedAsync($"-n {ns} get vm vm1 -o jsonpath='{{.metadata.deletionTimestamp}}'");
        await _kubectl.SucceedAsync($"-n {ns} patch vm vm1 --type json -p '[{{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}}]'");
        var gone = await waitGone;

        ready.Output.Should().Be("virtualmachine.vmaddon.io/vm1 condition met\n");
        stillThere.Should().NotBeEmpty("a finalizer holds the object after delete");
        gone.ExitCode.Should().Be(0, gone.Error);
        gone.Output.Should().Be("virtualmachine.vmaddon.io/vm1 condition met\n");
    }

    [Theory]
    [InlineData("background", false)]
    [InlineData("foreground", false)]
    [InlineData("orphan", true)]
    public async Task Delete_cascades_to_dependents_as_the_mode_says(string cascade, bool dependentSurvives)
    {
        var ns = await server.NewNamespaceAsync();
        await _kubectl.SucceedAsync($"-n {ns} create -f -", Manifests.Vm("owner"));
        var uid = await _kubectl.SucceedAsync($"-n {ns} get vm owner -o jsonpath='{{.metadata.uid}}'");
        await _kubectl.SucceedAsync($"-n {ns} create -f -", $$"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: dependent
              ownerReferences: [{apiVersion: vmaddon.io/v1alpha1, kind: VirtualMachine, name: owner, uid: {{uid}}, blockOwnerDeletion: true}]
            """);

        var deleted = await _kubectl.SucceedAsync($"-n {ns} delete vm owner --cascade={cascade}");
        await Eventually.UntilAsync(async () => (await _kubectl.RunAsync($"-n {ns} get vm owner")).ExitCode != 0, "the owner to go");
        if (dependentSurvives)
        {
            var references = await _kubectl.SucceedAsync($"-n {ns} get configmap dependent -o jsonpath='{{.metadata.ownerReferences}}'");
            references.Should().BeEmpty("orphaning removes the reference to the deleted owner");
        }
        else
        {
            await Eventually.UntilAsync(async () => (await _kubectl.RunAsync($"-n {ns} get configmap dependent")).ExitCode != 0, "the garbage collector");
        }

        deleted.Should().Be("virtualmachine.vmaddon.io \"owner\" deleted\n");
    }

    [Fact]
    public async Task Deleting_a_namespace_deletes_its_content_then_the_namespace()
    {
        var ns = await server.NewNamespaceAsync();
        await _kubectl.SucceedAsync($"-n {ns} create -f -", Manifests.Vm("vm1"));
        await _kubectl.SucceedAsync($"-n {ns} create -f -", Manifests.ConfigMap("cm1"));

        var deleted = await _kubectl.SucceedAsync($"delete namespace {ns}");
        var gone = await _kubectl.RunAsync($"get namespace {ns}");

        deleted.Should().Be($"namespace \"{ns}\" deleted\n");
        gone.Error.Should().Be($"Error from server (NotFound): namespaces \"{ns}\" not found\n");
    }
}
