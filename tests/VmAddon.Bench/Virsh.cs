using VmAddon.TestHost;

namespace VmAddon.Bench;

/// <summary>The reference: the same operations through the virsh command, as an operator would type them.</summary>
internal static class Virsh
{
    public static Task<string> RunAsync(string uri, params string[] args) => HostCommand.RunAsync("virsh", ["-q", "-c", uri, .. args]);
}
