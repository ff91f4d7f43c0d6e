namespace VmAddon.DevCluster.Nodes.Host;

/// <summary>One pod's network namespace and address on its node's bridge.</summary>
public sealed class PodNetwork(NodeBridge bridge, string ns, string hostVeth, string ip)
{
    /// <summary>The namespace's name, for <c>ip netns exec</c>.</summary>
    public string Namespace { get; } = ns;

    public string Ip { get; } = ip;

    public Task SetSysctlAsync(string name, string value) =>
        HostProcess.RunAsync("ip", "netns", "exec", Namespace, "sysctl", "-q", "-w", $"{name}={value}");

    /// <summary>The processes still running in the namespace.</summary>
    public async Task<IReadOnlyList<int>> PidsAsync()
    {
        var (code, output, _) = await HostProcess.TryRunAsync("ip", "netns", "pids", Namespace).ConfigureAwait(false);
        return code != 0 ? [] : [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>Kills whatever still runs in the namespace, then removes it and its veth.</summary>
    public async Task DeleteAsync()
    {
        foreach (var pid in await PidsAsync().ConfigureAwait(false))
        {
            await HostProcess.TryRunAsync("kill", "-9", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        if (hostVeth.Length > 0)
        {
            await HostProcess.TryRunAsync("ip", "link", "del", hostVeth).ConfigureAwait(false);
        }

        await HostProcess.TryRunAsync("ip", "netns", "del", Namespace).ConfigureAwait(false);
        bridge.Release(Ip);
    }
}
