using System.Globalization;
using System.Net;

namespace VmAddon.DevCluster.Nodes.Host;

/// <summary>
/// A node's pod network: one host bridge per node, holding the first address of the node's pod CIDR (also the node's
/// InternalIP), and per pod a network namespace joined by a veth pair. The host forwards between nodes' bridges, so
/// pods reach each other and the host reaches every pod.
/// </summary>
public sealed class NodeBridge
{
    private readonly Lock _lock = new();
    private readonly HashSet<int> _used = [];
    private readonly string _prefix;

    /// <param name="index">The node's number, 1 to 200: its bridge is vmd-br{index} and its CIDR 10.244.{index}.0/24.</param>
    public NodeBridge(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 200);
        Index = index;
        _prefix = $"10.244.{index.ToString(CultureInfo.InvariantCulture)}.";
        Name = $"vmd-br{index.ToString(CultureInfo.InvariantCulture)}";
    }

    public int Index { get; }

    /// <summary>The bridge's interface name.</summary>
    public string Name { get; }

    public string Cidr => _prefix + "0/24";

    /// <summary>The bridge's address: the pods' gateway and the node's InternalIP.</summary>
    public string Gateway => _prefix + "1";

    /// <summary>The prefix of every network namespace and host veth this node makes, so a restart finds and removes its leftovers.</summary>
    public string NamespacePrefix => $"vmd{Index.ToString(CultureInfo.InvariantCulture)}-";

    public async Task EnsureAsync()
    {
        if ((await HostProcess.TryRunAsync("ip", "link", "show", Name).ConfigureAwait(false)).ExitCode != 0)
        {
            await HostProcess.RunAsync("ip", "link", "add", Name, "type", "bridge").ConfigureAwait(false);
        }

        if (!(await HostProcess.RunAsync("ip", "-o", "addr", "show", "dev", Name).ConfigureAwait(false)).Contains($" {Gateway}/", StringComparison.Ordinal))
        {
            await HostProcess.RunAsync("ip", "addr", "add", Gateway + "/24", "dev", Name).ConfigureAwait(false);
        }

        await HostProcess.RunAsync("ip", "link", "set", Name, "up").ConfigureAwait(false);
        await HostProcess.RunAsync("sysctl", "-q", "-w", "net.ipv4.ip_forward=1").ConfigureAwait(false);
    }

    /// <summary>Removes the network namespaces and veths a previous run of this node left behind, killing what still runs in them.</summary>
    public async Task RemoveLeftoversAsync()
    {
        var namespaces = await HostProcess.RunAsync("ip", "netns", "list").ConfigureAwait(false);
        foreach (var ns in namespaces.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).Where(n => n.StartsWith(NamespacePrefix, StringComparison.Ordinal)))
        {
            await new PodNetwork(this, ns, "", "").DeleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Creates a pod's network namespace with the next free address.</summary>
    public async Task<PodNetwork> CreatePodNetworkAsync(string podUid)
    {
        int host;
        lock (_lock)
        {
            host = Enumerable.Range(2, 252).First(i => !_used.Contains(i));
            _used.Add(host);
        }

        var suffix = podUid.Replace("-", "", StringComparison.Ordinal)[..8];
        var netns = NamespacePrefix + suffix;
        var hostVeth = $"vmd{Index.ToString(CultureInfo.InvariantCulture)}h{host.ToString(CultureInfo.InvariantCulture)}";
        var ip = _prefix + host.ToString(CultureInfo.InvariantCulture);
        var network = new PodNetwork(this, netns, hostVeth, ip);
        try
        {
            await HostProcess.TryRunAsync("ip", "netns", "del", netns).ConfigureAwait(false);
            await HostProcess.TryRunAsync("ip", "link", "del", hostVeth).ConfigureAwait(false);
            await HostProcess.RunAsync("ip", "netns", "add", netns).ConfigureAwait(false);
            await HostProcess.RunAsync("ip", "link", "add", hostVeth, "type", "veth", "peer", "name", "eth0", "netns", netns).ConfigureAwait(false);
            await HostProcess.RunAsync("ip", "link", "set", hostVeth, "master", Name, "up").ConfigureAwait(false);
            await HostProcess.RunAsync("ip", "-n", netns, "addr", "add", ip + "/24", "dev", "eth0").ConfigureAwait(false);
            await HostProcess.RunAsync("ip", "-n", netns, "link", "set", "eth0", "up").ConfigureAwait(false);
            await HostProcess.RunAsync("ip", "-n", netns, "link", "set", "lo", "up").ConfigureAwait(false);
            await HostProcess.RunAsync("ip", "-n", netns, "route", "add", "default", "via", Gateway).ConfigureAwait(false);
            return network;
        }
        catch
        {
            await network.DeleteAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal void Release(string ip)
    {
        if (IPAddress.TryParse(ip, out var address))
        {
            lock (_lock)
            {
                _used.Remove(address.GetAddressBytes()[3]);
            }
        }
    }
}
