namespace VmAddon.Bench;

/// <summary>Prints the measurements as a Markdown table, the form the closing notes quote.</summary>
internal static class BenchTable
{
    public static void Write(TextWriter output, IReadOnlyList<Measurement> rows)
    {
        string[] header = ["measurement", "VmAddon", "reference", "note"];
        var cells = rows.Select(r => new[] { r.What, r.Ours, r.Reference, r.Note }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => cells.Max(c => c[i].Length)).ToArray();
        foreach (var (row, index) in cells.Select((c, i) => (c, i)))
        {
            output.WriteLine("| " + string.Join(" | ", row.Select((c, i) => c.PadRight(widths[i]))) + " |");
            if (index == 0)
            {
                output.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
            }
        }
    }
}
