using System.Globalization;

namespace VmAddon.Bench;

/// <summary>A process's resident memory as the kernel counts it: RSS, and PSS, which splits shared pages among their users.</summary>
internal sealed record ProcessMemory(int Pid, string Name, long RssKiB, long PssKiB)
{
    public static ProcessMemory Read(int pid)
    {
        var name = File.ReadAllText($"/proc/{pid}/comm").Trim();
        return new ProcessMemory(pid, name, Field($"/proc/{pid}/status", "VmRSS:"), Field($"/proc/{pid}/smaps_rollup", "Pss:"));
    }

    private static long Field(string file, string label)
    {
        var line = File.ReadLines(file).First(l => l.StartsWith(label, StringComparison.Ordinal));
        return long.Parse(line[label.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
