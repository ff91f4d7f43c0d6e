using VmAddon.Api.Manifests;
using VmAddon.Core.Launcher;
using VmAddon.Core.Rendering;
using VmAddon.TestHost;

namespace VmAddon.Hypervisor.Tests.Pods;

/// <summary>The sandbox the hypervisor tests run launcher Pods in must behave as a kubelet would, or they prove nothing.</summary>
[Trait("Category", "Hypervisor")]
public class PodSandboxTests
{
    private const string Vm = """
        apiVersion: vmaddon.io/v1alpha1
        kind: VirtualMachine
        metadata:
          name: sandbox
        spec:
          runStrategy: Always
          template:
            spec:
              hostname: sandboxed
              domain:
                memory:
                  guest: 64Mi
                devices: {}
              volumes:
              - name: root
                containerDisk:
                  image: vmaddon/guest:latest
              - name: seed
                cloudInitNoCloud:
                  userData: "#!/bin/sh\necho hi\n"
        """;

    [Fact]
    public async Task A_pod_runs_as_its_user_with_its_volumes_at_their_mount_paths_and_its_own_ip()
    {
        var pod = InstanceRenderer.Render(ManifestLoader.Load(Vm).Resources.Single().Resource!, new RenderSettings { SoftwareEmulation = true }).Pod;
        var container = pod.Spec.Containers[0]; // the main container; sidecars (guest-console-log) do not run in a sandbox
        container.Command = ["probe-shell"];
        container.Args = ["-c", "id -u; cat /var/run/vmaddon/cloud-init/seed/meta-data; ls /var/run/vmaddon/container-disks/root/disk; touch /var/run/vmaddon-private/written; ip -4 -o addr show eth0; echo SANDBOX-DONE"];
        var disk = Path.Combine(Path.GetTempPath(), "vmaddon-sandbox-disk.img");
        await File.WriteAllTextAsync(disk, "disk");

        await using var sandbox = await PodSandbox.StartAsync(pod, new Dictionary<string, string> { ["probe-shell"] = "/bin/sh" }, new Dictionary<string, string> { ["vmaddon/guest:latest"] = disk });
        await sandbox.WaitForOutputAsync("SANDBOX-DONE", TimeSpan.FromSeconds(30));

        sandbox.Output.Should().StartWith("107\n").And.Contain("local-hostname: sandboxed").And.Contain("vmaddon-sandbox-disk.img").And.Contain(sandbox.Network.Ip);
        File.Exists(sandbox.HostPath(LauncherLayout.PrivateDir + "/written")).Should().BeTrue();
    }
}
