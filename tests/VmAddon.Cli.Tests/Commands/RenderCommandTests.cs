using System.Xml.Linq;

namespace VmAddon.Cli.Tests.Commands;

public class RenderCommandTests
{
    private const string Vm = """
        apiVersion: vmaddon.io/v1alpha1
        kind: VirtualMachine
        metadata:
          name: app
        spec:
          runStrategy: Always
          template:
            spec:
              domain:
                memory:
                  guest: 64Mi
                devices: {}
              volumes:
              - name: root
                containerDisk:
                  image: vmaddon/guest:latest
        """;

    [Fact]
    public async Task Render_prints_the_vmi_and_pod_as_yaml_then_the_domain_xml()
    {
        var run = await CliRun.RunAsync(Vm, "render", "-f", "-");

        run.ExitCode.Should().Be(0, run.Error);
        var parts = run.Output.Split("\n...\n");
        parts.Should().HaveCount(2);
        parts[0].Should().StartWith("---\napiVersion: vmaddon.io/v1alpha1\nkind: VirtualMachineInstance\n").And.Contain("---\napiVersion: v1\nkind: Pod\n");
        XElement.Parse(parts[1]).Element("name")!.Value.Should().Be("default_app");
    }

    [Theory]
    [InlineData(false, "kvm")]
    [InlineData(true, "qemu")]
    public async Task Render_only_domain_uses_the_hypervisor_the_node_offers(bool softwareEmulation, string type)
    {
        string[] args = softwareEmulation ? ["render", "-f", "-", "--only", "domain", "--software-emulation"] : ["render", "-f", "-", "--only", "domain"];

        var run = await CliRun.RunAsync(Vm, args);

        run.ExitCode.Should().Be(0, run.Error);
        XElement.Parse(run.Output).Attribute("type")!.Value.Should().Be(type);
    }

    [Fact]
    public async Task Render_only_pod_prints_just_the_launcher_pod()
    {
        var run = await CliRun.RunAsync(Vm, "render", "-f", "-", "--only", "pod");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().StartWith("---\napiVersion: v1\nkind: Pod\n").And.NotContain("VirtualMachineInstance\nmetadata");
    }

    [Fact]
    public async Task Render_refuses_an_invalid_manifest_and_says_why()
    {
        var run = await CliRun.RunAsync(Vm.Replace("guest: 64Mi", "guest: 0Mi", StringComparison.Ordinal), "render", "-f", "-");

        run.ExitCode.Should().Be(1);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("spec.template.spec.domain.memory.guest: Invalid value: \"0\": must be greater than zero");
    }

    [Fact]
    public async Task Render_rejects_an_unknown_part()
    {
        var run = await CliRun.RunAsync(Vm, "render", "-f", "-", "--only", "disk");

        run.ExitCode.Should().NotBe(0);
        run.Error.Should().Contain("disk");
    }
}
