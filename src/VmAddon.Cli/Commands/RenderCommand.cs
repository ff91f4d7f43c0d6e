using System.CommandLine;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm render -f FILE</c>: what the cluster would create for a VM, offline.</summary>
internal static class RenderCommand
{
    public static Command Build(CliStreams streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        return new Command("render", "Print the VirtualMachineInstance, launcher Pod and libvirt domain XML VmAddon would create.");
    }
}
