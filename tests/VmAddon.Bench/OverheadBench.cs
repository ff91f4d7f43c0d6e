using System.Globalization;
using VmAddon.TestHost;

namespace VmAddon.Bench;

/// <summary>What one VM costs beyond its guest RAM: every process of its launcher Pod (launcher, libvirtd, QEMU), less the guest RAM QEMU holds.</summary>
internal static class OverheadBench
{
    private const long GuestKiB = 256 * 1024;

    public static async Task<IReadOnlyList<Measurement>> RunAsync()
    {
        await using var pod = await LauncherPod.StartAsync(GuestManifests.LegacyApp("overhead", "256Mi"));
        var (domain, console) = await pod.BootAsync();
        await using (console)
        using (domain)
        {
            var (_, pids) = await HostCommand.TryRunAsync("ip", "netns", "pids", pod.Sandbox.Network.Namespace);
            var processes = pids.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => ProcessMemory.Read(int.Parse(p, CultureInfo.InvariantCulture)))
                .Where(p => p.Name is not ("sh" or "setpriv"))
                .ToList();
            var qemu = processes.Single(p => p.Name.StartsWith("qemu", StringComparison.Ordinal));
            var guestResident = GuestMemory.ResidentKiB(qemu.Pid, GuestKiB);
            var rss = processes.Sum(p => p.RssKiB) - guestResident;
            var pss = processes.Sum(p => p.PssKiB) - guestResident;
            var parts = string.Join(", ", processes.Select(p => $"{p.Name} {Mib(p.RssKiB)}"));
            return
            [
                new Measurement("per-VM overhead, RSS (every process of the launcher Pod − guest RAM)", Mib(rss), "≤ 48 MiB target; KubeVirt reserves 240 MiB + 8 MiB/vCPU", $"{parts}; guest RAM resident {Mib(guestResident)}"),
                new Measurement("per-VM overhead, PSS (shared pages split among users)", Mib(pss), "", "libvirt's and QEMU's library pages are shared by every VM on a node"),
            ];
        }
    }

    private static string Mib(long kib) => string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0:0.0} MiB");
}
