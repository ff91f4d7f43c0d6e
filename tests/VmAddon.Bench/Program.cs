using VmAddon.Bench;
using VmAddon.TestHost;

// make bench: each figure is measured in this run, on the same guest, next to its reference (DESIGN §6).
// `vmaddon-bench api` measures only the dev API server, which needs neither root nor QEMU and takes under a minute;
// `vmaddon-bench vm` only create → Running and API writes per start; `vmaddon-bench density` only the 200-VM density run.
if (args is not ([] or ["api"] or ["vm"] or ["density"]))
{
    await Console.Error.WriteLineAsync("usage: vmaddon-bench [api|vm|density]   (no argument: every measurement)");
    return 2;
}

var rows = new List<Measurement>();
if (args is [] or ["vm"])
{
    Prerequisites.Require();
    var defineStart = await DefineStartBench.RunAsync(iterations: 5);
    rows.AddRange(defineStart);
    rows.AddRange(await VmStartBench.RunAsync(vms: 10, reference: defineStart[0].Ours));
}

if (args is [])
{
    rows.AddRange(await OverheadBench.RunAsync());
    rows.AddRange(await MigrationBench.RunAsync(rounds: 3));
}

if (args is [] or ["density"])
{
    Prerequisites.Require();
    rows.AddRange(await DensityBench.RunAsync(vms: 200));
}

if (args is [] or ["api"])
{
    rows.AddRange(await ApiServerBench.RunAsync());
}

BenchTable.Write(Console.Out, rows);
return 0;
