using System.Diagnostics;
using System.Globalization;
using VmAddon.TestHost;

namespace VmAddon.Bench;

/// <summary>Live migration of a 256 MiB guest between two launcher Pods: LibvirtSharp one way, `virsh migrate --live` back.</summary>
internal static class MigrationBench
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(int rounds)
    {
        var manifest = GuestManifests.LegacyApp("migrant", "256Mi");
        await using var a = await LauncherPod.StartAsync(manifest);
        await using var b = await LauncherPod.StartAsync(manifest);
        using (var domain = await a.DefinePausedAsync())
        {
            await domain.ResumeAsync();
        }

        await a.Sandbox.WaitForOutputAsync("VMADDON-GUEST-READY", TimeSpan.FromSeconds(90));
        var oursTotal = new Samples();
        var oursDowntime = new Samples();
        var virshTotal = new Samples();
        var virshDowntime = new Samples();
        // Each round moves the guest there and back; who goes first alternates, so neither side always
        // meets a guest that has just arrived.
        var here = a;
        var there = b;
        for (var round = 0; round < rounds * 2; round++)
        {
            var (total, downtime) = round % 4 is 0 or 3 ? (oursTotal, oursDowntime) : (virshTotal, virshDowntime);
            var watch = Stopwatch.StartNew();
            var ms = total == oursTotal
                ? await MigrateWithLibvirtSharpAsync(here, there)
                : await MigrateWithVirshAsync(here, there);
            total.Add(watch.Elapsed.TotalMilliseconds);
            downtime.Add(ms);
            (here, there) = (there, here);
        }

        return
        [
            new Measurement("live migration total (256 MiB guest, overlay copied)", oursTotal.Format("ms"), virshTotal.Format("ms") + " virsh migrate --live", "two launcher Pods, own daemons and netns"),
            new Measurement("live migration downtime", oursDowntime.Format("ms"), virshDowntime.Format("ms") + " virsh", "QEMU's completed-job downtime"),
        ];
    }

    /// <summary>Migrates with LibvirtSharp and returns the downtime QEMU reported, in milliseconds.</summary>
    private static async Task<double> MigrateWithLibvirtSharpAsync(LauncherPod from, LauncherPod to)
    {
        using var source = await from.Connection.LookupDomainAsync(from.DomainName);
        using var migrated = await source.MigrateAsync(to.Connection, PodMigration.To(to));
        return (await migrated.GetJobStatsAsync(completed: true)).Downtime?.TotalMilliseconds ?? double.NaN;
    }

    /// <summary>Migrates with the same options through virsh and returns the downtime it reports, in milliseconds.</summary>
    private static async Task<double> MigrateWithVirshAsync(LauncherPod from, LauncherPod to)
    {
        await Virsh.RunAsync(from.Uri, "migrate", "--live", "--persistent", "--undefinesource", "--copy-storage-inc", "--migrate-disks", "vda",
            "--listen-address", to.Sandbox.Network.Ip, from.DomainName, to.Uri, $"tcp://{to.Sandbox.Network.Ip}");
        return DowntimeMs(await Virsh.RunAsync(to.Uri, "domjobinfo", "--completed", to.DomainName));
    }

    private static double DowntimeMs(string domjobinfo)
    {
        var line = domjobinfo.Split('\n').FirstOrDefault(l => l.StartsWith("Total downtime:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
