using System.Globalization;

namespace VmAddon.TestHost;

/// <summary>
/// Pod networking as DESIGN §8 proved it: one host bridge, and per pod a network namespace joined to it by a
/// veth pair, so every pod has its own IP that the host and the other pods reach.
/// </summary>
public sealed class PodNetwork
{
    private const string Bridge = "vmaddon-t0";
    private const string Prefix = "10.251.0.";
    private static readonly SemaphoreSlim s_lock = new(1, 1);
    private static int s_next = 1;

    private PodNetwork(string netns, string hostVeth, string ip)
    {
        Namespace = netns;
        HostVeth = hostVeth;
        Ip = ip;
    }

    /// <summary>The name of the pod's namespace, for `ip netns exec`.</summary>
    public string Namespace { get; }

    public string HostVeth { get; }

    /// <summary>The pod's IP on the bridge.</summary>
    public string Ip { get; }

    public string NamespacePath => $"/run/netns/{Namespace}";

    public static async Task<PodNetwork> CreateAsync()
    {
        await s_lock.WaitAsync();
        int index;
        try
        {
            if ((await HostCommand.TryRunAsync("ip", "link", "show", Bridge)).ExitCode != 0)
            {
                await HostCommand.RunAsync("ip", "link", "add", Bridge, "type", "bridge");
                await HostCommand.RunAsync("ip", "addr", "add", Prefix + "1/24", "dev", Bridge);
                await HostCommand.RunAsync("ip", "link", "set", Bridge, "up");
            }

            index = ++s_next;
        }
        finally
        {
            s_lock.Release();
        }

        var id = $"{Environment.ProcessId % 10000}-{index}";
        var netns = $"vmaddon-t-{id}";
        var hostVeth = $"vmt{id}";
        var ip = Prefix + (index % 250 + 2).ToString(CultureInfo.InvariantCulture);
        await HostCommand.RunAsync("ip", "netns", "add", netns);
        await HostCommand.RunAsync("ip", "link", "add", hostVeth, "type", "veth", "peer", "name", "eth0", "netns", netns);
        await HostCommand.RunAsync("ip", "link", "set", hostVeth, "master", Bridge, "up");
        await HostCommand.RunAsync("ip", "-n", netns, "addr", "add", ip + "/24", "dev", "eth0");
        await HostCommand.RunAsync("ip", "-n", netns, "link", "set", "eth0", "up");
        await HostCommand.RunAsync("ip", "-n", netns, "link", "set", "lo", "up");
        await HostCommand.RunAsync("ip", "-n", netns, "route", "add", "default", "via", Prefix + "1");
        return new PodNetwork(netns, hostVeth, ip);
    }

    /// <summary>Applies a namespaced sysctl the pod asked for, as the kubelet does.</summary>
    public Task SetSysctlAsync(string name, string value) =>
        HostCommand.RunAsync("ip", "netns", "exec", Namespace, "sysctl", "-q", "-w", $"{name}={value}");

    public async Task DeleteAsync()
    {
        await HostCommand.TryRunAsync("ip", "link", "del", HostVeth);
        await HostCommand.TryRunAsync("ip", "netns", "del", Namespace);
    }
}
