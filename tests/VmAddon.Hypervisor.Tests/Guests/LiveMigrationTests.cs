using System.Globalization;
using LibvirtSharp;
using VmAddon.Core.Launcher;
using VmAddon.TestHost;

namespace VmAddon.Hypervisor.Tests.Guests;

/// <summary>Live migration between two launcher Pods, each with its own libvirtd, network namespace and disks.</summary>
[Trait("Category", "Hypervisor")]
public class LiveMigrationTests
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_guest_migrates_between_launchers_without_restarting_and_still_serves_its_page()
    {
        var manifest = GuestManifests.LegacyApp();
        await using var source = await LauncherPod.StartAsync(manifest);
        await using var target = await LauncherPod.StartAsync(manifest);
        using var domain = await source.DefinePausedAsync();
        await domain.ResumeAsync();
        await source.Sandbox.WaitForOutputAsync("VMADDON-GUEST-READY", s_deadline);
        var before = await UptimeAsync(source);

        using var migrated = await domain.MigrateAsync(target.Connection, PodMigration.To(target));

        (await migrated.GetStateAsync()).State.Should().Be(DomainState.Running);
        (await source.QemuPidsAsync()).Should().BeEmpty("the source's QEMU ends with the migration");
        (await target.QemuPidsAsync()).Should().ContainSingle();
        (await UptimeAsync(target)).Should().BeGreaterThan(before, "the guest kept running; a reboot would reset its uptime");
        (await GuestLifecycleTests.HttpPageAsync(target.Sandbox.Network.Ip)).Should().Contain("legacy");
    }

    private static async Task<double> UptimeAsync(LauncherPod pod)
    {
        await using var shell = GuestShell.Attach(pod.Sandbox.HostPath(LauncherLayout.SerialSocketPath));
        var uptime = await shell.RunAsync("cut -d' ' -f1 /proc/uptime", "UPTIME-", s_deadline);
        await shell.DetachAsync();
        return double.Parse(uptime, CultureInfo.InvariantCulture);
    }
}
