using System.Text;
using k8s.Models;

namespace VmAddon.DevCluster.Nodes;

/// <summary>
/// The kubelet-managed /etc/hosts of a pod with its own network: localhost, the pod's hostname at its IP, and its
/// hostAliases. Without it a pod's hostname resolves nowhere, and programs that look their own name up (libvirtd
/// does, before starting each guest) wait for DNS to time out. hostNetwork pods keep the host's file, as with kubelet.
/// </summary>
public static class PodHostsFile
{
    /// <summary>Where the kubelet keeps it: in the pod's directory, bind-mounted over each container's /etc/hosts.</summary>
    public const string FileName = "etc-hosts";

    public static string Render(V1Pod pod, string podIp)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var text = new StringBuilder()
            .Append("# Kubernetes-managed hosts file.\n")
            .Append("127.0.0.1\tlocalhost\n")
            .Append("::1\tlocalhost ip6-localhost ip6-loopback\n")
            .Append("fe00::0\tip6-localnet\n")
            .Append("fe00::0\tip6-mcastprefix\n")
            .Append("fe00::1\tip6-allnodes\n")
            .Append("fe00::2\tip6-allrouters\n")
            .Append(podIp).Append('\t').Append(pod.Spec.Hostname ?? pod.Metadata.Name).Append('\n');
        if (pod.Spec.HostAliases is { Count: > 0 } aliases)
        {
            text.Append("\n# Entries added by HostAliases.\n");
            foreach (var alias in aliases)
            {
                text.Append(alias.Ip).Append('\t').AppendJoin('\t', alias.Hostnames ?? []).Append('\n');
            }
        }

        return text.ToString();
    }
}
