using System.Security.Cryptography;
using System.Text;

namespace VmAddon.Core.Domain;

/// <summary>
/// The Linux bridge, inside the launcher Pod, that a bridge-bound interface joins. Named as KubeVirt names its
/// in-pod bridges (<c>k6t-</c>); the agent must create it (enslaving the pod's interface) before the domain starts.
/// </summary>
public static class PodBridge
{
    public const string Prefix = "k6t-";

    /// <summary>Linux interface names are at most 15 characters (IFNAMSIZ minus the terminator).</summary>
    private const int MaxInterfaceNameLength = 15;

    private const int HashLength = 6;

    /// <summary>The bridge for network <paramref name="network"/>; long names are shortened with a hash so they stay distinct.</summary>
    public static string Name(string network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var name = Prefix + network;
        if (name.Length <= MaxInterfaceNameLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(network)))[..HashLength];
        var kept = name[..(MaxInterfaceNameLength - HashLength - 1)].TrimEnd('-');
        return $"{kept}-{hash}";
    }
}
