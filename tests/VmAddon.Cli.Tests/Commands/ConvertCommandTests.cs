namespace VmAddon.Cli.Tests.Commands;

public class ConvertCommandTests
{
    [Fact]
    public async Task Convert_prints_the_rewritten_manifest_and_warns_on_stderr_about_unsupported_fields()
    {
        const string kubevirt = """
            apiVersion: kubevirt.io/v1
            kind: VirtualMachineInstance
            metadata:
              name: vmi-pvc
            spec:
              domain:
                devices:
                  disks:
                  - disk:
                      bus: virtio
                    name: pvcdisk
                memory:
                  guest: 128Mi
              volumes:
              - name: pvcdisk
                persistentVolumeClaim:
                  claimName: disk-alpine
            """;

        var run = await CliRun.RunAsync(kubevirt, "convert", "-f", "-");

        run.ExitCode.Should().Be(0);
        run.Output.Should().StartWith("apiVersion: vmaddon.io/v1alpha1\nkind: VirtualMachineInstance");
        run.Error.Trim().Should().Be("warning: <stdin>:16: VirtualMachineInstance/vmi-pvc: spec.volumes[0].persistentVolumeClaim: a persistentVolumeClaim volume is not supported by VmAddon yet");
    }
}
