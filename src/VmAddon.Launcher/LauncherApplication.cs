using System.CommandLine;
using VmAddon.Launcher.Commands;

namespace VmAddon.Launcher;

/// <summary>The vmaddon-launcher command tree: the pod entrypoint at the root, with console and probe-kvm beside it.</summary>
internal static class LauncherApplication
{
    public static RootCommand Build(LauncherStreams streams)
    {
        var root = RunCommand.Build(streams);
        root.Add(ConsoleCommand.Build(streams));
        root.Add(ProbeKvmCommand.Build(streams));
        root.Add(GuestConsoleLogCommand.Build());
        return root;
    }

    public static Task<int> RunAsync(string[] args, LauncherStreams streams, CancellationToken cancellationToken)
    {
        // The generic host handles SIGTERM and SIGINT itself, taking the guest's grace period; System.CommandLine must
        // not cut that short, so its own termination handling is off.
        var configuration = new InvocationConfiguration { Output = streams.Out, Error = streams.Error, ProcessTerminationTimeout = null };
        return Build(streams).Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
