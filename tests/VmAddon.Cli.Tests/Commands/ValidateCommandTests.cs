namespace VmAddon.Cli.Tests.Commands;

public class ValidateCommandTests
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
                devices:
                  disks:
                  - name: root
                  - name: data
              volumes:
              - name: root
                containerDisk:
                  image: vmaddon/guest:latest
        """;

    [Fact]
    public async Task Validate_exits_1_and_prints_each_error_with_file_line_and_field_path()
    {
        var run = await CliRun.RunAsync(Vm, "validate", "-f", "-");

        run.ExitCode.Should().Be(1);
        run.OutputLines.Should().ContainSingle().Which.Should().Be(
            "<stdin>:15: VirtualMachine/app: spec.template.spec.domain.devices.disks[1].name: disk \"data\" has no volume of that name");
    }

    [Fact]
    public async Task Validate_exits_0_and_names_each_valid_document()
    {
        var valid = Vm.Replace("          - name: data\n", "", StringComparison.Ordinal);

        var run = await CliRun.RunAsync(valid + "\n---\n" + valid.Replace("name: app", "name: second", StringComparison.Ordinal), "validate", "-f", "-");

        run.ExitCode.Should().Be(0, run.Output);
        run.OutputLines.Should().Equal("<stdin>: VirtualMachine/app: valid", "<stdin>: VirtualMachine/second: valid");
    }

    [Fact]
    public async Task Validate_reports_invalid_yaml_with_its_line()
    {
        var run = await CliRun.RunAsync("kind: VirtualMachine\nmetadata:\n  name: [x\n", "validate", "-f", "-");

        run.ExitCode.Should().Be(1);
        run.Output.Should().MatchRegex(@"^<stdin>:\d+: line \d+, column \d+: invalid YAML: ");
    }

    [Fact]
    public async Task Validate_reads_a_file_and_says_what_to_do_when_it_is_missing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vmaddon-missing-{Guid.NewGuid():N}.yaml");

        var run = await CliRun.RunAsync("", "validate", "-f", path);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain($"{path}: no such file; pass a YAML manifest, or - to read standard input");
    }

    [Fact]
    public async Task Validate_points_kubevirt_manifests_at_convert()
    {
        var run = await CliRun.RunAsync(Vm.Replace("vmaddon.io/v1alpha1", "kubevirt.io/v1", StringComparison.Ordinal), "validate", "-f", "-");

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("kubectl vm convert");
    }
}
