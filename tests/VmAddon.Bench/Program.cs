using VmAddon.Bench;
using VmAddon.TestHost;

// make bench: each figure is measured in this run, on the same guest, next to its reference (DESIGN §6).
Prerequisites.Require();
var rows = new List<Measurement>();
rows.AddRange(await DefineStartBench.RunAsync(iterations: 5));
rows.AddRange(await OverheadBench.RunAsync());
rows.AddRange(await MigrationBench.RunAsync(rounds: 3));
BenchTable.Write(Console.Out, rows);
