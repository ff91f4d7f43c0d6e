using System.Diagnostics;
using System.Globalization;
using VmAddon.Api;
using VmAddon.Api.Manifests;
using VmAddon.TestHost;

namespace VmAddon.Bench;

/// <summary>
/// Density, as KubeVirt measures it with KWOK: many VMs through the whole control plane (controller, agents, launcher
/// pods on the local cluster), with the agents on libvirt's test driver and launchers in density mode (no libvirtd),
/// until all are Running; then the controller's and agents' memory and CPU.
/// </summary>
internal static class DensityBench
{
    private static readonly TimeSpan s_guard = TimeSpan.FromMinutes(20);

    public static async Task<IReadOnlyList<Measurement>> RunAsync(int vms)
    {
        var options = new E2EClusterOptions
        {
            // Sized for the count, not for real guests: nothing runs but the launchers' processes.
            NodeCpu = "256",
            NodeMemory = "1Ti",
            NodeMaxPods = vms,
            ControllerArguments = ["--launcher-hypervisor", "test"],
            AgentArguments = ["--hypervisor", "test"],
        };
        await using var e2e = await E2ECluster.StartAsync(firstNodeIndex: 161, options);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, vms), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            var name = $"dense-{i.ToString("D4", CultureInfo.InvariantCulture)}";
            var vm = (VirtualMachine)ManifestLoader.Load(GuestManifests.Vm(name)).Resources.Single().Resource!;
            await e2e.Clients.VirtualMachines.CreateAsync(vm, cancellationToken);
        });
        var created = watch.Elapsed;
        var running = 0;
        await e2e.WaitUntilAsync(async () =>
        {
            var list = await e2e.Clients.VirtualMachines.ListAsync("default", null, CancellationToken.None);
            running = list.Items.Count(v => v.Status?.PrintableStatus == PrintableStatus.Running);
            return running == vms;
        }, $"all {vms} VMs to run ({running} so far)", s_guard, TimeSpan.FromSeconds(1));
        var allRunning = watch.Elapsed;

        var controller = Usage.Of(e2e.Controller.Pid);
        var agents = E2ECluster.Nodes.Select(n => Usage.Of(e2e.Agent(n).Pid)).ToList();
        return
        [
            new Measurement($"density: {vms} VMs create → all Running (test driver)",
                string.Create(CultureInfo.InvariantCulture, $"{allRunning.TotalSeconds:0.0} s (creates took {created.TotalSeconds:0.0} s)"),
                "KubeVirt: 1000 VMs on KWOK", "2 nodes, launchers in density mode"),
            new Measurement("density: controller RSS / CPU", controller.ToString(), "KubeVirt virt-controller 55–70 MB", $"after {vms} VMs"),
            new Measurement("density: agent RSS / CPU (each)", string.Join("; ", agents), "KubeVirt virt-handler 15–25 MB", $"{vms / 2} VMs per node"),
        ];
    }

    /// <summary>A process's resident memory and the CPU time it has used.</summary>
    private sealed record Usage(long RssKiB, double CpuSeconds)
    {
        public static Usage Of(int pid)
        {
            var memory = ProcessMemory.Read(pid);
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return new Usage(memory.RssKiB, ticks / 100.0);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{RssKiB / 1024.0:0} MiB / {CpuSeconds:0.0} s CPU");
    }
}
