using System.Diagnostics;
using System.Globalization;

namespace LibvirtSharp.Tests.Support;

/// <summary>Finds processes by their command line in /proc, which is how the fixtures find the QEMUs a daemon spawned (QEMU daemonizes, so it is no child of the daemon).</summary>
public static class ProcessTable
{
    public static IReadOnlyList<int> FindByCommandLine(params string[] fragments)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Length > 0 && fragments.All(f => commandLine.Contains(f, StringComparison.Ordinal)))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>SIGKILLs the processes and waits, with a deadline, until they are gone.</summary>
    public static async Task KillAsync(IEnumerable<int> pids, CancellationToken cancellationToken)
    {
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
                // Exited between lookup and kill.
            }
        }
    }
}
