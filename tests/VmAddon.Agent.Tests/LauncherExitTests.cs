using k8s;
using k8s.Models;
using VmAddon.Agent.Tests.Support;
using VmAddon.Api;
using VmAddon.Core.Guests;

namespace VmAddon.Agent.Tests;

/// <summary>A running instance whose launcher pod ended (and its libvirtd with it) fails, with the reason saying so.</summary>
public sealed class LauncherExitTests
{
    [Fact]
    public async Task A_running_instance_whose_launcher_pod_failed_fails_with_LauncherExited()
    {
        await using var cluster = await AgentCluster.StartAsync();
        var links = Directory.CreateTempSubdirectory("vmaddon-links-");
        try
        {
            await using var agent = InProcessAgent.Start(cluster.QemuAgentArgs("/nonexistent/kubelet", "--socket-link-dir", links.FullName));
            var spec = new VirtualMachineInstanceSpec { Domain = new DomainSpec { Memory = new Memory { Guest = new("64Mi") } } };
            var (_, pod) = await cluster.CreateLaunchedAsync("default", "orphan", spec, "10.244.0.30");
            await cluster.Clients.VirtualMachineInstances.PatchStatusAsync("default", "orphan",
                new V1Patch("{\"status\":{\"phase\":\"Running\",\"nodeName\":\"node-a\"}}", V1Patch.PatchType.MergePatch), CancellationToken.None);
            await cluster.Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch("{\"status\":{\"phase\":\"Failed\"}}", V1Patch.PatchType.MergePatch), pod.Metadata.Name, "default");

            var failed = await cluster.WaitForAsync("orphan", v => v.Status?.Phase == VirtualMachineInstancePhase.Failed, "Failed");

            failed.Status!.Reason.Should().Be(GuestReasons.LauncherExited);
        }
        finally
        {
            links.Delete(recursive: true);
        }
    }
}
