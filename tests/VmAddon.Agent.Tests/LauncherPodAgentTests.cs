using k8s;
using k8s.Models;
using LibvirtSharp;
using VmAddon.Agent.Tests.Support;
using VmAddon.Api;
using VmAddon.Core.Launcher;

namespace VmAddon.Agent.Tests;

/// <summary>The agent against a real launcher pod (its own non-root libvirtd and QEMU under TCG), found through a kubelet-style pod directory.</summary>
[Trait("Category", "Hypervisor")]
public sealed class LauncherPodAgentTests
{
    [Fact]
    public async Task The_agent_starts_the_guest_in_its_launcher_pod_and_stops_it_when_the_instance_is_deleted()
    {
        const string ns = "hv";
        const string name = "agent-guest";
        await using var cluster = await AgentCluster.StartAsync();
        await using var launcher = await LauncherPod.StartAsync(GuestManifests.LegacyApp(name));
        var kubeletRoot = Directory.CreateTempSubdirectory("vmaddon-kubelet-");
        var links = Directory.CreateTempSubdirectory("vmaddon-links-");
        try
        {
            await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
            // A short grace period: the deletion below may come before the guest has booted far enough to answer ACPI.
            var spec = launcher.Rendered.Vmi.Spec with { TerminationGracePeriodSeconds = 5 };
            var (_, pod) = await cluster.CreateLaunchedAsync(ns, name, spec, launcher.Sandbox.Network.Ip);
            // The kubelet's layout: the pod's emptyDir volumes under pods/UID/volumes/kubernetes.io~empty-dir.
            var emptyDirs = Directory.CreateDirectory(Path.Combine(kubeletRoot.FullName, "pods", pod.Metadata.Uid, "volumes", "kubernetes.io~empty-dir"));
            Directory.CreateSymbolicLink(Path.Combine(emptyDirs.FullName, LauncherLayout.LibvirtRuntimeVolume), launcher.Sandbox.HostPath(LauncherLayout.LibvirtRuntimeDir));
            await cluster.MarkScheduledAsync(ns, name);

            await using (InProcessAgent.Start(cluster.QemuAgentArgs(kubeletRoot.FullName, "--socket-link-dir", links.FullName)))
            {
                var running = await cluster.WaitForAsync(name, v => v.Status?.Phase == VirtualMachineInstancePhase.Running, "Running", ns);
                using (var domain = await launcher.Connection.LookupDomainAsync(launcher.DomainName))
                {
                    (await domain.GetStateAsync()).State.Should().Be(DomainState.Running);
                }

                await cluster.Clients.VirtualMachineInstances.DeleteAsync(ns, name, CancellationToken.None);
                await cluster.WaitForAsync(name, v => v.Status?.Phase == VirtualMachineInstancePhase.Succeeded, "Succeeded", ns);

                running.Status!.Interfaces.Should().ContainSingle().Which.IpAddress.Should().Be(launcher.Sandbox.Network.Ip);
                running.Status.Conditions.Should().ContainSingle(c => c.Type == VirtualMachineInstanceConditionType.Ready && c.Status == ConditionStatus.True);
                using var stopped = await launcher.Connection.LookupDomainAsync(launcher.DomainName);
                (await stopped.GetStateAsync()).State.Should().Be(DomainState.Shutoff);
            }
        }
        finally
        {
            kubeletRoot.Delete(recursive: true);
            links.Delete(recursive: true);
        }
    }
}
