using System.Globalization;

namespace VmAddon.DevCluster.Cluster;

/// <summary>The files of a running local cluster under its directory: kubeconfig, state, pid files and logs.</summary>
public sealed record ClusterLayout(string Directory)
{
    public string Kubeconfig => Path.Combine(Directory, "kubeconfig");

    /// <summary>The resolved config and node numbers, written by up and read by node start and node runners.</summary>
    public string State => Path.Combine(Directory, "cluster.json");

    public string DataDirectory => Path.Combine(Directory, "data");

    public string UpPid => Path.Combine(Directory, "up.pid");

    public string NodeDirectory(string node) => Path.Combine(Directory, node);

    public string RunnerPid(string node) => Path.Combine(Directory, node, "runner.pid");

    public string RunnerLog(string node) => Path.Combine(Directory, node, "runner.log");

    public static int? ReadPid(string path) =>
        File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsAlive(pid) ? pid : null;

    /// <summary>Whether a process runs; a zombie (ended, not yet reaped) does not.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
