using System.Globalization;

namespace VmAddon.Bench;

/// <summary>
/// The guest's RAM as QEMU holds it: one anonymous mapping of the guest's size. Its resident part is guest
/// memory, not overhead, however much of it the guest has touched.
/// </summary>
internal static class GuestMemory
{
    public static long ResidentKiB(int qemuPid, long guestKiB)
    {
        long size = 0;
        long best = 0;
        foreach (var line in File.ReadLines($"/proc/{qemuPid}/smaps"))
        {
            if (line.StartsWith("Size:", StringComparison.Ordinal))
            {
                size = Kib(line);
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal) && size >= guestKiB && size <= guestKiB + (4 * 1024))
            {
                best = Math.Max(best, Kib(line));
            }
        }

        return best;
    }

    private static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
