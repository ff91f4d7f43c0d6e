using VmAddon.Bench;
using VmAddon.TestHost;

// make bench: each figure is measured in this run, on the same guest, next to its reference (DESIGN §6).
// `vmaddon-bench api` measures only the dev API server, which needs neither root nor QEMU and takes under a minute.
if (args is not ([] or ["api"]))
{
    await Console.Error.WriteLineAsync("usage: vmaddon-bench [api]   (no argument: every measurement; api: only the dev API server's)");
    return 2;
}

var rows = new List<Measurement>();
if (args is [])
{
    Prerequisites.Require();
    rows.AddRange(await DefineStartBench.RunAsync(iterations: 5));
    rows.AddRange(await OverheadBench.RunAsync());
    rows.AddRange(await MigrationBench.RunAsync(rounds: 3));
}

rows.AddRange(await ApiServerBench.RunAsync());
BenchTable.Write(Console.Out, rows);
return 0;
