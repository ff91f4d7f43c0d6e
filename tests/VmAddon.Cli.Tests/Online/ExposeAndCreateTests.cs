using k8s;
using VmAddon.Api;
using VmAddon.Core.Launcher;

namespace VmAddon.Cli.Tests.Online;

/// <summary>expose makes a Service that selects the VM's launcher pods; create vm prints a manifest that validates and applies.</summary>
public sealed class ExposeAndCreateTests(ApiCluster cluster) : IClassFixture<ApiCluster>
{
    [Fact]
    public async Task Expose_selects_by_the_vm_template_labels_as_virtctl_does()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Always, templateLabels: new Dictionary<string, string> { ["app"] = "web" });

        var run = await cluster.VmAsync("expose", "vm", "web", "--port", "8080", "--target-port", "80", "-n", ns);

        run.Output.Should().Be("Service web successfully exposed for vm web\n", run.Error);
        var service = await cluster.Client.CoreV1.ReadNamespacedServiceAsync("web", ns);
        service.Spec.Selector.Should().Equal(new Dictionary<string, string> { ["app"] = "web" });
        service.Spec.Ports.Single().Port.Should().Be(8080);
        service.Spec.Ports.Single().TargetPort.Value.Should().Be("80");
        service.Spec.Type.Should().Be("ClusterIP");
    }

    [Fact]
    public async Task A_vmi_without_labels_of_its_own_is_selected_by_its_launcher_label()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmiAsync(ns, "solo", VirtualMachineInstancePhase.Running, labels: new Dictionary<string, string> { [VmAddonMetadata.NodeNameLabel] = "node-1" });

        var run = await cluster.VmAsync("expose", "vmi", "solo", "--port", "22", "--name", "solo-ssh", "--type", "NodePort", "-n", ns);

        run.ExitCode.Should().Be(0, run.Error);
        var service = await cluster.Client.CoreV1.ReadNamespacedServiceAsync("solo-ssh", ns);
        service.Spec.Selector.Should().Equal(new Dictionary<string, string> { [LauncherPodLabels.VmiName] = "solo" });
        service.Spec.Type.Should().Be("NodePort");
    }

    [Fact]
    public async Task Exposing_twice_names_the_existing_service()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Always);
        (await cluster.VmAsync("expose", "vm", "web", "--port", "80", "-n", ns)).ExitCode.Should().Be(0);

        var again = await cluster.VmAsync("expose", "vm", "web", "--port", "80", "-n", ns);

        again.ExitCode.Should().Be(1);
        again.Error.Should().Be($"error: service \"web\" already exists in namespace \"{ns}\" (choose another with --name, or: kubectl delete service web)\n");
    }

    [Fact]
    public async Task Create_vm_prints_a_manifest_that_validates_and_applies()
    {
        var userData = Path.Combine(Path.GetTempPath(), $"user-data-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(userData, "#!/bin/sh\necho hello from cloud-init\n");
        var created = await CliRun.RunAsync("", "create", "vm", "--name", "made", "--memory", "512Mi", "--cpu", "2", "--run-strategy", "Manual", "--cloud-init-user-data-file", userData);
        File.Delete(userData);
        created.ExitCode.Should().Be(0, created.Error);

        var validated = await CliRun.RunAsync(created.Output, "validate", "-f", "-");
        validated.Output.Should().Be("<stdin>: VirtualMachine/made: valid\n");

        var ns = await cluster.NewNamespaceAsync();
        var applied = await new Kubectl(cluster.Kubeconfig).RunAsync($"apply -n {ns} -f -", created.Output);
        applied.ExitCode.Should().Be(0, applied.Error);
        var vm = await cluster.VmAsync(ns, "made");
        vm.Spec.RunStrategy.Should().Be(RunStrategy.Manual);
        vm.Spec.Template!.Spec!.Domain.Cpu!.Cores.Should().Be(2);
        vm.Spec.Template.Spec.Volumes!.Select(v => v.Name).Should().Equal("root", "cloudinit");
        vm.Spec.Template.Spec.Volumes![1].CloudInitNoCloud!.UserData.Should().Be("#!/bin/sh\necho hello from cloud-init\n");
    }

    [Theory]
    [InlineData("--name", "Bad_Name", "error: --name: metadata.name: Invalid value: \"Bad_Name\"")]
    [InlineData("--memory", "lots", "error: --memory: spec.template.spec.domain.memory.guest: Invalid value: \"lots\"")]
    public async Task Create_vm_refuses_a_bad_flag_by_name_and_prints_nothing(string flag, string value, string error)
    {
        var run = await CliRun.RunAsync("", flag == "--name" ? ["create", "vm", flag, value] : ["create", "vm", "--name", "web", flag, value]);

        run.ExitCode.Should().Be(1);
        run.Output.Should().BeEmpty();
        run.Error.Should().StartWith(error);
    }

    [Fact]
    public async Task Version_reads_the_controller_version_from_its_lease()
    {
        var ns = await cluster.NewNamespaceAsync();
        var missing = await cluster.VmAsync("version", "--controller-namespace", ns);
        missing.Output.Should().Contain("Client Version: v0.1.0").And.Contain($"Server Version: unavailable: no Lease {ns}/vmaddon-controller");

        await cluster.Client.CoordinationV1.CreateNamespacedLeaseAsync(new k8s.Models.V1Lease
        {
            Metadata = new() { Name = "vmaddon-controller", NamespaceProperty = ns, Annotations = new Dictionary<string, string> { [VmAddonMetadata.ControllerVersionAnnotation] = "9.9.9" } },
            Spec = new() { HolderIdentity = "node-1_abc", LeaseDurationSeconds = 60, RenewTime = DateTime.UtcNow },
        }, ns);
        var held = await cluster.VmAsync("version", "--controller-namespace", ns);
        held.Output.Should().Contain("Server Version: v9.9.9 (vmaddon-controller node-1_abc)").And.Contain("Kubernetes Version: v1.");
    }

    [Fact]
    public async Task Client_version_needs_no_cluster()
    {
        var run = await CliRun.RunAsync("", "--kubeconfig", "/nonexistent", "version", "--client");

        (run.ExitCode, run.Output).Should().Be((0, $"Client Version: v{VmAddon.Cli.Commands.VersionCommand.ClientVersion}\n"));
    }
}
