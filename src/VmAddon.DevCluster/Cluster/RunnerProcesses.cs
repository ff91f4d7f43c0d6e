using System.Diagnostics;
using System.Globalization;
using VmAddon.DevCluster.Nodes.Host;

namespace VmAddon.DevCluster.Cluster;

/// <summary>Starts node runners as their own processes (so one can be lost alone) and stops them, gracefully or as a crash.</summary>
public static class RunnerProcesses
{
    /// <summary>Starts <c>vmaddon-dev node run NAME</c> in its own session, logging to the node's runner.log, and records its pid.</summary>
    public static int Start(ClusterLayout layout, string node)
    {
        Directory.CreateDirectory(layout.NodeDirectory(node));
        var (file, prefix) = Self();
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--fork", "sh", "-c", "exec \"$@\" >>\"$LOG\" 2>&1 </dev/null & echo $!", "runner", file }.Concat(prefix).Concat(["node", "run", node, "--dir", layout.Directory]))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["LOG"] = layout.RunnerLog(node);
        using var starter = Process.Start(info) ?? throw new InvalidOperationException("could not start setsid");
        var pid = int.Parse(starter.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"node {node}: the runner did not start"), CultureInfo.InvariantCulture);
        File.WriteAllText(layout.RunnerPid(node), pid.ToString(CultureInfo.InvariantCulture));
        return pid;
    }

    /// <summary>Stops a runner with SIGTERM (it stops its pods first), then kills what is left after the deadline.</summary>
    public static async Task StopAsync(ClusterLayout layout, string node, TimeSpan deadline)
    {
        if (ClusterLayout.ReadPid(layout.RunnerPid(node)) is not { } pid)
        {
            return;
        }

        await HostProcess.TryRunAsync("kill", "-TERM", pid.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        var until = DateTime.UtcNow + deadline;
        while (ClusterLayout.IsAlive(pid) && DateTime.UtcNow < until)
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        await KillAsync(layout, node).ConfigureAwait(false);
    }

    /// <summary>Simulates losing the node: the runner and every process it started die at once (SIGKILL), leaving its pods' objects as they were.</summary>
    public static async Task KillAsync(ClusterLayout layout, string node)
    {
        if (ClusterLayout.ReadPid(layout.RunnerPid(node)) is { } pid)
        {
            var tree = ProcessTree.Descendants(pid);
            await HostProcess.TryRunAsync("kill", "-KILL", pid.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            foreach (var child in tree)
            {
                await HostProcess.TryRunAsync("kill", "-KILL", child.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            }
        }

        // Whatever escaped the tree (daemons) still sits in the node's pod network namespaces.
        var state = ClusterState.Load(layout);
        await new NodeBridge(state.Node(node).Index).RemoveLeftoversAsync().ConfigureAwait(false);
        File.Delete(layout.RunnerPid(node));
    }

    // How to run this program again: the apphost, or dotnet with our dll when run through dotnet.
    private static (string File, string[] Prefix) Self()
    {
        var path = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? (path, [Path.Combine(AppContext.BaseDirectory, "vmaddon-dev.dll")])
            : (path, []);
    }
}
