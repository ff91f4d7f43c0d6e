using System.Diagnostics;
using LibvirtSharp;
using VmAddon.TestHost;

namespace VmAddon.Bench;

/// <summary>Define+start of the same domain on the same launcher's daemon: LibvirtSharp against `virsh define` + `virsh start`.</summary>
internal static class DefineStartBench
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(int iterations)
    {
        await using var pod = await LauncherPod.StartAsync(GuestManifests.LegacyApp("bench", "256Mi"));
        var xmlFile = Path.Combine(Path.GetTempPath(), $"vmaddon-bench-{Environment.ProcessId}.xml");
        await File.WriteAllTextAsync(xmlFile, pod.Rendered.DomainXml);
        try
        {
            // The first define makes the daemon probe QEMU's capabilities; neither side should pay for that.
            await DefineStartAsync(pod);
            await RemoveAsync(pod);

            var ours = new Samples();
            var reference = new Samples();
            for (var i = 0; i < iterations; i++)
            {
                var watch = Stopwatch.StartNew();
                await DefineStartAsync(pod);
                ours.Add(watch.Elapsed.TotalMilliseconds);
                await RemoveAsync(pod);

                watch.Restart();
                await Virsh.RunAsync(pod.Uri, "define", xmlFile);
                await Virsh.RunAsync(pod.Uri, "start", pod.DomainName);
                reference.Add(watch.Elapsed.TotalMilliseconds);
                await RemoveAsync(pod);
            }

            return [new Measurement("define+start (256 MiB TCG guest)", ours.Format("ms"), reference.Format("ms") + " virsh", "median (n, min–max)")];
        }
        finally
        {
            File.Delete(xmlFile);
        }
    }

    private static async Task DefineStartAsync(LauncherPod pod)
    {
        using var domain = await pod.Connection.DefineDomainAsync(pod.Rendered.DomainXml);
        await domain.StartAsync();
    }

    private static async Task RemoveAsync(LauncherPod pod)
    {
        using var domain = await pod.Connection.LookupDomainAsync(pod.DomainName);
        if ((await domain.GetStateAsync()).State != DomainState.Shutoff)
        {
            await domain.DestroyAsync();
        }

        await domain.UndefineAsync();
    }
}
