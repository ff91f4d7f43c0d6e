using System.Diagnostics;
using System.Globalization;
using VmAddon.Api;
using VmAddon.Api.Manifests;
using VmAddon.TestHost;

namespace VmAddon.Bench;

/// <summary>
/// Create → Running through the whole product on the local cluster (controller, agents, launcher pods, real TCG
/// guests), one VM after another, and the API writes each start costs, counted by the dev API server.
/// </summary>
internal static class VmStartBench
{
    /// <summary>After Running, the VM controller still records it; writes are counted once this has passed.</summary>
    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(3);

    public static async Task<IReadOnlyList<Measurement>> RunAsync(int vms, string reference)
    {
        await using var e2e = await E2ECluster.StartAsync(firstNodeIndex: 151);
        using var http = new HttpClient();
        var server = new Uri(e2e.Client.BaseUri.ToString().TrimEnd('/') + "/");
        var times = new Samples();
        var writes = new List<ApiWriteCount>();

        // One VM first, unmeasured: the first define on a machine makes libvirt probe QEMU.
        await StartAndStopAsync(e2e, "bench-warmup");
        for (var i = 0; i < vms; i++)
        {
            var name = $"bench-{i.ToString(CultureInfo.InvariantCulture)}";
            var before = await ApiWriteCount.ReadAsync(http, server);
            times.Add((await StartAndStopAsync(e2e, name, async () =>
            {
                await Task.Delay(s_settle);
                writes.Add(await ApiWriteCount.ReadAsync(http, server) - before);
            })).TotalMilliseconds);
        }

        // The user's own create is one of the vmaddon.io writes; the rest are the controller's and the agents'.
        var perStart = writes.Select(w => w.VmStart - 1).ToList();
        var events = writes.Select(w => w.Events).ToList();
        return
        [
            new Measurement($"VM create → Running ({vms} VMs, one at a time, TCG)",
                string.Create(CultureInfo.InvariantCulture, $"P50 {times.Percentile(50):0} ms, P95 {times.Percentile(95):0} ms"),
                reference, "reference: raw define+start of the same domain"),
            new Measurement("API writes per VM start (controller + agent)",
                string.Create(CultureInfo.InvariantCulture, $"{perStart.Min()}–{perStart.Max()} (+{events.Min()}–{events.Max()} events)"),
                "≤ 4 (target)", "VMI, VM and pod writes; the kubelet's and scheduler's not counted"),
        ];
    }

    /// <summary>Creates the VM, times create → Running, runs <paramref name="whileRunning"/>, then deletes it and waits until its guest is gone.</summary>
    private static async Task<TimeSpan> StartAndStopAsync(E2ECluster e2e, string name, Func<Task>? whileRunning = null)
    {
        var vm = (VirtualMachine)ManifestLoader.Load(GuestManifests.Vm(name, graceSeconds: 5)).Resources.Single().Resource!;
        var watch = Stopwatch.StartNew();
        await e2e.Clients.VirtualMachines.CreateAsync(vm, CancellationToken.None);
        await e2e.WaitUntilAsync(async () => (await e2e.VmAsync(name))?.Status?.PrintableStatus == PrintableStatus.Running,
            $"VM {name} to run", E2ECluster.BootGuard, TimeSpan.FromMilliseconds(20));
        var elapsed = watch.Elapsed;
        if (whileRunning is not null)
        {
            await whileRunning();
        }

        await e2e.DeleteAllVmsAsync();
        return elapsed;
    }
}
