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
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            using (var source = await a.Connection.LookupDomainAsync(a.DomainName))
            using (var migrated = await source.MigrateAsync(b.Connection, PodMigration.To(b)))
            {
                oursTotal.Add(watch.Elapsed.TotalMilliseconds);
                oursDowntime.Add((await migrated.GetJobStatsAsync(completed: true)).Downtime?.TotalMilliseconds ?? double.NaN);
            }

            watch.Restart();
            await Virsh.RunAsync(b.Uri, "migrate", "--live", "--persistent", "--undefinesource", "--copy-storage-inc", "--migrate-disks", "vda",
                "--listen-address", a.Sandbox.Network.Ip, b.DomainName, a.Uri, $"tcp://{a.Sandbox.Network.Ip}");
            virshTotal.Add(watch.Elapsed.TotalMilliseconds);
            virshDowntime.Add(DowntimeMs(await Virsh.RunAsync(a.Uri, "domjobinfo", "--completed", a.DomainName)));
        }

        return
        [
            new Measurement("live migration total (256 MiB guest, overlay copied)", oursTotal.Format("ms"), virshTotal.Format("ms") + " virsh migrate --live", "two launcher Pods, own daemons and netns"),
            new Measurement("live migration downtime", oursDowntime.Format("ms"), virshDowntime.Format("ms") + " virsh", "QEMU's completed-job downtime"),
        ];
    }

    private static double DowntimeMs(string domjobinfo)
    {
        var line = domjobinfo.Split('\n').FirstOrDefault(l => l.StartsWith("Total downtime:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
