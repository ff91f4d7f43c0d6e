using VmAddon.DevCluster.Tests.Server;

namespace VmAddon.DevCluster.Tests.Conformance;

/// <summary>kubectl's writes against the dev API server: CRDs, create, apply three-way, label, annotate, every patch type, scale, replace and errors.</summary>
[Collection(DevApiServerCollection.Name)]
public sealed class KubectlWriteTests(DevApiServer server)
{
    private readonly Kubectl _kubectl = server.Kubectl;

    [Fact]
    public async Task Our_crds_apply_and_become_established()
    {
        var apply = await _kubectl.SucceedAsync($"apply -f {TestHost.Repository.Root}/crds");
        var wait = await _kubectl.SucceedAsync("wait --for condition=Established crd --all --timeout=20s");

        apply.Should().Contain("customresourcedefinition.apiextensions.k8s.io/virtualmachines.vmaddon.io");
        wait.Should().Contain("customresourcedefinition.apiextensions.k8s.io/virtualmachines.vmaddon.io condition met");
    }

    [Fact]
    public async Task Api_resources_shows_our_short_names()
    {
        var output = await _kubectl.SucceedAsync("api-resources --api-group vmaddon.io");

        output.Should().MatchRegex(@"virtualmachines\s+vm,vms\s+vmaddon.io/v1alpha1\s+true\s+VirtualMachine");
        output.Should().MatchRegex(@"virtualmachineinstances\s+vmi,vmis\s+");
    }

    [Fact]
    public async Task Apply_creates_then_is_unchanged_then_configures_an_edited_file_as_a_three_way_merge()
    {
        var ns = await server.NewNamespaceAsync();

        var created = await _kubectl.SucceedAsync($"-n {ns} apply -f -", Manifests.Vm("web", extraLabels: "\n    tier: front"));
        var again = await _kubectl.SucceedAsync($"-n {ns} apply -f -", Manifests.Vm("web", extraLabels: "\n    tier: front"));
        await _kubectl.SucceedAsync($"-n {ns} label vm web owner=ops");
        var edited = await _kubectl.SucceedAsync($"-n {ns} apply -f -", Manifests.Vm("web", runStrategy: "Halted"));
        var labels = await _kubectl.SucceedAsync($"-n {ns} get vm web -o jsonpath='{{.metadata.labels}} {{.spec.runStrategy}} {{.metadata.generation}}'");

        created.Should().Be("virtualmachine.vmaddon.io/web created\n");
        again.Should().Be("virtualmachine.vmaddon.io/web unchanged\n");
        edited.Should().Be("virtualmachine.vmaddon.io/web configured\n");
        // The label dropped from the file goes; the one kubectl label added stays; the spec change moves the generation.
        labels.Should().Be("{\"app\":\"web\",\"owner\":\"ops\"} Halted 2");
    }

    [Fact]
    public async Task Apply_of_a_built_in_type_uses_strategic_merge_by_container_name()
    {
        var ns = await server.NewNamespaceAsync();
        var pod = (string image, string label) => $$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              labels:
                {{label}}
            spec:
              containers:
              - name: main
                image: {{image}}
                env: [{name: A, value: a}]
              - name: side
                image: busybox:1
            """;

        await _kubectl.SucceedAsync($"-n {ns} apply -f -", pod("busybox:1", "v: one"));
        await _kubectl.SucceedAsync($"-n {ns} patch pod p --type strategic -p '{{\"spec\":{{\"containers\":[{{\"name\":\"side\",\"image\":\"busybox:3\"}}]}}}}'");
        var configured = await _kubectl.SucceedAsync($"-n {ns} apply -f -", pod("busybox:2", "w: two"));
        var result = await _kubectl.SucceedAsync($"-n {ns} get pod p -o jsonpath='{{range .spec.containers[*]}}{{.name}}={{.image}} {{end}}{{.spec.containers[0].env}} {{.metadata.labels}}'");

        configured.Should().Be("pod/p configured\n");
        // Apply re-asserts every field the file sets (side's image goes back), merges containers by name, and drops the label the file no longer has.
        result.Should().Be("main=busybox:2 side=busybox:1 [{\"name\":\"A\",\"value\":\"a\"}] {\"w\":\"two\"}");
    }

    [Fact]
    public async Task Kubectl_create_generators_send_protobuf_and_are_understood()
    {
        var ns = await server.NewNamespaceAsync();

        var created = await _kubectl.SucceedAsync($"-n {ns} create configmap settings --from-literal=mode=fast");
        var secret = await _kubectl.SucceedAsync($"-n {ns} create secret generic creds --from-literal=user=admin");
        var values = await _kubectl.SucceedAsync($"-n {ns} get configmap settings -o jsonpath='{{.data.mode}}'");
        var accounts = await _kubectl.SucceedAsync($"-n {ns} get serviceaccounts -o name");

        created.Should().Be("configmap/settings created\n");
        secret.Should().Be("secret/creds created\n");
        values.Should().Be("fast");
        accounts.Should().Be("serviceaccount/default\n", "every namespace gets a default ServiceAccount");
    }

    [Fact]
    public async Task Label_annotate_and_every_patch_type_change_the_object()
    {
        var ns = await server.NewNamespaceAsync();
        await _kubectl.SucceedAsync($"-n {ns} create -f -", Manifests.Vm("vm1"));

        (await _kubectl.SucceedAsync($"-n {ns} label vm vm1 color=blue")).Should().Be("virtualmachine.vmaddon.io/vm1 labeled\n");
        (await _kubectl.SucceedAsync($"-n {ns} annotate vm vm1 note=hello")).Should().Be("virtualmachine.vmaddon.io/vm1 annotated\n");
        (await _kubectl.SucceedAsync($"-n {ns} patch vm vm1 --type merge -p '{{\"spec\":{{\"runStrategy\":\"Manual\"}}}}'")).Should().Be("virtualmachine.vmaddon.io/vm1 patched\n");
        await _kubectl.SucceedAsync($"-n {ns} patch vm vm1 --type json -p '[{{\"op\":\"add\",\"path\":\"/metadata/labels/shape\",\"value\":\"round\"}}]'");
        await _kubectl.SucceedAsync($"-n {ns} patch vm vm1 --subresource=status --type merge -p '{{\"status\":{{\"printableStatus\":\"Stopped\"}}}}'");
        var strategicOnCustom = await _kubectl.RunAsync($"-n {ns} patch vm vm1 --type strategic -p '{{\"spec\":{{\"runStrategy\":\"Always\"}}}}'");
        var result = await _kubectl.SucceedAsync(
            $"-n {ns} get vm vm1 -o jsonpath='{{.metadata.labels.color}} {{.metadata.annotations.note}} {{.spec.runStrategy}} {{.metadata.labels.shape}} {{.status.printableStatus}}'");

        result.Should().Be("blue hello Manual round Stopped");
        strategicOnCustom.ExitCode.Should().NotBe(0);
        strategicOnCustom.Error.Should().Contain("application/strategic-merge-patch+json is not supported by vmaddon.io/v1alpha1, Kind=VirtualMachine");
    }

    [Fact]
    public async Task Strategic_patch_merges_a_pods_containers_by_name()
    {
        var ns = await server.NewNamespaceAsync();
        await _kubectl.SucceedAsync($"-n {ns} create -f -", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"busybox:1\"},{\"name\":\"b\",\"image\":\"busybox:1\"}]}}");

        await _kubectl.SucceedAsync($"-n {ns} patch pod p --type strategic -p '{{\"spec\":{{\"containers\":[{{\"name\":\"b\",\"image\":\"busybox:2\"}}]}}}}'");
        var images = await _kubectl.SucceedAsync($"-n {ns} get pod p -o jsonpath='{{.spec.containers[*].image}}'");

        images.Should().Be("busybox:1 busybox:2");
    }

    [Fact]
    public async Task Status_written_through_the_main_resource_is_ignored()
    {
        var ns = await server.NewNamespaceAsync();
        await _kubectl.SucceedAsync($"-n {ns} create -f -", Manifests.Vm("vm1"));

        await _kubectl.SucceedAsync($"-n {ns} patch vm vm1 --type merge -p '{{\"status\":{{\"printableStatus\":\"Running\"}}}}'");
        var status = await _kubectl.SucceedAsync($"-n {ns} get vm vm1 -o jsonpath='{{.status.printableStatus}}'");

        status.Should().BeEmpty();
    }

    [Fact]
    public async Task Scale_changes_spec_replicas_through_the_scale_subresource()
    {
        var ns = await server.NewNamespaceAsync();
        await _kubectl.SucceedAsync($"-n {ns} apply -f -", Pool("pool", 1));

        var scaled = await _kubectl.SucceedAsync($"-n {ns} scale vmpool pool --replicas=3");
        var wrongCurrent = await _kubectl.RunAsync($"-n {ns} scale vmpool pool --replicas=2 --current-replicas=7");
        var replicas = await _kubectl.SucceedAsync($"-n {ns} get vmpool pool -o jsonpath='{{.spec.replicas}}'");

        scaled.Should().Be("virtualmachinepool.vmaddon.io/pool scaled\n");
        replicas.Should().Be("3");
        wrongCurrent.ExitCode.Should().NotBe(0);
        wrongCurrent.Error.Should().Contain("Expected replicas to be 7, was 3");
    }

    [Fact]
    public async Task Replace_with_a_stale_resource_version_is_a_conflict()
    {
        var ns = await server.NewNamespaceAsync();
        await _kubectl.SucceedAsync($"-n {ns} create -f -", Manifests.Vm("vm1"));
        var stale = await _kubectl.SucceedAsync($"-n {ns} get vm vm1 -o yaml");
        await _kubectl.SucceedAsync($"-n {ns} label vm vm1 moved=yes");

        var replace = await _kubectl.RunAsync($"-n {ns} replace -f -", stale);

        replace.ExitCode.Should().Be(1);
        replace.Error.Should().Be("Error from server (Conflict): error when replacing \"STDIN\": Operation cannot be fulfilled on virtualmachines.vmaddon.io \"vm1\": "
            + "the object has been modified; please apply your changes to the latest version and try again\n");
    }

    [Fact]
    public async Task Schema_violations_get_kubectls_usual_messages()
    {
        var ns = await server.NewNamespaceAsync();

        var badEnum = await _kubectl.RunAsync($"-n {ns} create -f -", Manifests.Vm("bad", runStrategy: "Sometimes"));
        var unknownField = await _kubectl.RunAsync($"-n {ns} create -f -", Manifests.Vm("bad2", extraSpec: "\n  bogus: 1"));
        var builtInUnknown = await _kubectl.RunAsync($"-n {ns} create -f -", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"busybox\",\"colour\":\"red\"}]}}");

        badEnum.ExitCode.Should().Be(1);
        badEnum.Error.Should().Be("The VirtualMachine \"bad\" is invalid: spec.runStrategy: Unsupported value: \"Sometimes\": supported values: "
            + "\"Always\", \"Halted\", \"Manual\", \"RerunOnFailure\", \"Once\"\n");
        unknownField.ExitCode.Should().Be(1);
        unknownField.Error.Should().Be("Error from server (BadRequest): error when creating \"STDIN\": VirtualMachine in version \"v1alpha1\" cannot be handled as a VirtualMachine: "
            + "strict decoding error: unknown field \"spec.bogus\"\n");
        builtInUnknown.Error.Should().Be("Error from server (BadRequest): error when creating \"STDIN\": Pod in version \"v1\" cannot be handled as a Pod: "
            + "strict decoding error: unknown field \"spec.containers[0].colour\"\n");
    }

    [Fact]
    public async Task Not_found_already_exists_and_missing_namespace_read_as_kubectl_prints_them()
    {
        var ns = await server.NewNamespaceAsync();
        await _kubectl.SucceedAsync($"-n {ns} create -f -", Manifests.Vm("vm1"));

        var exists = await _kubectl.RunAsync($"-n {ns} create -f -", Manifests.Vm("vm1"));
        var missing = await _kubectl.RunAsync($"-n {ns} get vm ghost");
        var deleteMissing = await _kubectl.RunAsync($"-n {ns} delete vm ghost");
        var noNamespace = await _kubectl.RunAsync("-n nowhere create -f -", Manifests.Vm("vm1"));

        exists.Error.Should().Be("Error from server (AlreadyExists): error when creating \"STDIN\": virtualmachines.vmaddon.io \"vm1\" already exists\n");
        missing.Error.Should().Be("Error from server (NotFound): virtualmachines.vmaddon.io \"ghost\" not found\n");
        deleteMissing.Error.Should().Be("Error from server (NotFound): virtualmachines.vmaddon.io \"ghost\" not found\n");
        noNamespace.Error.Should().Be("Error from server (NotFound): error when creating \"STDIN\": namespaces \"nowhere\" not found\n");
        new[] { exists, missing, deleteMissing, noNamespace }.Should().OnlyContain(r => r.ExitCode == 1);
    }

    internal static string Pool(string name, int replicas) => $$"""
        apiVersion: vmaddon.io/v1alpha1
        kind: VirtualMachinePool
        metadata:
          name: {{name}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels: {pool: {{name}}}
          virtualMachineTemplate:
            metadata:
              labels: {pool: {{name}}}
            spec:
              runStrategy: Always
              template:
                metadata:
                  labels: {pool: {{name}}}
                spec:
                  domain:
                    devices: {}
                    memory: {guest: 64Mi}

        """;
}
