using k8s.Models;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>kube-scheduler's NodePorts plugin: a hostPort can be taken once per node, protocol and address (0.0.0.0 or empty clashes with every address).</summary>
internal static class NodePortsFilter
{
    public const string Reason = "node(s) didn't have free ports for the requested pod ports";

    private const string AnyAddress = "0.0.0.0";

    public static NodeRejection? Filter(V1PodSpec pod, SchedulingNode node)
    {
        var wanted = HostPorts(pod).ToList();
        if (wanted.Count == 0)
        {
            return null;
        }

        var used = node.Pods.SelectMany(p => HostPorts(p.Spec)).ToList();
        var clash = wanted.Any(w => used.Any(u => u.Protocol == w.Protocol && u.Port == w.Port
            && (u.Address == w.Address || u.Address == AnyAddress || w.Address == AnyAddress)));
        return clash ? NodeRejection.Soft([Reason]) : null;
    }

    private static IEnumerable<(string Address, string Protocol, int Port)> HostPorts(V1PodSpec spec) =>
        from container in spec.Containers ?? []
        from port in container.Ports ?? []
        where port.HostPort is > 0
        select (string.IsNullOrEmpty(port.HostIP) ? AnyAddress : port.HostIP, string.IsNullOrEmpty(port.Protocol) ? "TCP" : port.Protocol, port.HostPort!.Value);
}
