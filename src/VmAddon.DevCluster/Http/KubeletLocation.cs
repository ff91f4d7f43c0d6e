using System.Net;
using System.Text.Json.Nodes;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Registry;

namespace VmAddon.DevCluster.Http;

/// <summary>Where a node's kubelet answers: an address from the Node's status.addresses and status.daemonEndpoints.kubeletEndpoint.Port.</summary>
internal sealed record KubeletLocation(string Node, string Host, int Port)
{
    // kube-apiserver's --kubelet-preferred-address-types, with InternalIP first: dev nodes publish loopback or bridge IPs, and their hostnames resolve nowhere.
    private static readonly string[] AddressTypes = ["InternalIP", "ExternalIP", "InternalDNS", "ExternalDNS", "Hostname"];

    /// <summary>host:port, with an IPv6 host in brackets.</summary>
    public string Authority => IPAddress.TryParse(Host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>Reads the Node; 404 when it does not exist, 503 when it publishes no kubelet address or port.</summary>
    public static async Task<KubeletLocation> FindAsync(ResourceCatalog catalog, ResourceRegistry registry, string node, CancellationToken cancellationToken)
    {
        var nodes = catalog.Find("", "v1", "nodes") ?? throw new InvalidOperationException("the catalog has no nodes");
        var status = (await registry.GetAsync(nodes, null, node, cancellationToken).ConfigureAwait(false))["status"];
        var port = status?["daemonEndpoints"]?["kubeletEndpoint"]?["Port"] is JsonValue value && value.TryGetValue<int>(out var p) ? p : 0;
        var addresses = (status?["addresses"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(a => (Type: a["type"]?.GetValue<string>(), Address: a["address"]?.GetValue<string>()))
            .Where(a => !string.IsNullOrEmpty(a.Address))
            .ToList();
        var host = AddressTypes.Select(type => addresses.FirstOrDefault(a => a.Type == type).Address).FirstOrDefault(a => a is not null);
        if (port <= 0 || host is null)
        {
            throw new ApiException(503, "ServiceUnavailable",
                $"node \"{node}\" has no kubelet endpoint (status.daemonEndpoints.kubeletEndpoint.Port {(port <= 0 ? "is not set" : port)}, " +
                $"{(host is null ? "no address in status.addresses" : $"address {host}")}): its node runner is not serving; start the cluster with vmaddon-dev up");
        }

        return new KubeletLocation(node, host, port);
    }

    /// <summary>The error for a kubelet that does not answer.</summary>
    public ApiException Unreachable(Exception error) =>
        new(503, "ServiceUnavailable", $"error dialing backend: the kubelet of node \"{Node}\" at {Authority} does not answer ({error.Message}): is its node runner running?");
}
