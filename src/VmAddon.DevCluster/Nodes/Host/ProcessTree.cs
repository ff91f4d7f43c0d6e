using System.Globalization;

namespace VmAddon.DevCluster.Nodes.Host;

/// <summary>A process and its descendants, read from /proc, so a container's children stop with it.</summary>
public static class ProcessTree
{
    /// <summary>The pids of a process's descendants, deepest first.</summary>
    public static IReadOnlyList<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out var list))
                {
                    list = [];
                    children[parent] = list;
                }

                list.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        var result = new List<int>();
        Collect(root, children, result);
        return result;
    }

    /// <summary>Sends a signal to a process and all its descendants.</summary>
    public static async Task SignalAsync(int root, string signal)
    {
        foreach (var pid in Descendants(root).Append(root))
        {
            await HostProcess.TryRunAsync("kill", $"-{signal}", pid.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
    }

    private static void Collect(int pid, Dictionary<int, List<int>> children, List<int> result)
    {
        foreach (var child in children.GetValueOrDefault(pid) ?? [])
        {
            Collect(child, children, result);
            result.Add(child);
        }
    }
}
