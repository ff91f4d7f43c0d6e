using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmAddon.Core.Launcher;
using VmAddon.Launcher.GuestConsole;
using VmAddon.Launcher.Hosting;
using VmAddon.Launcher.Logging;

namespace VmAddon.Launcher.Commands;

/// <summary>
/// <c>vmaddon-launcher guest-console-log</c>: the launcher pod's guest-console-log container, as KubeVirt's. It follows
/// the guest's serial log to stdout until SIGTERM, so <c>kubectl logs POD -c guest-console-log</c> is the guest console.
/// </summary>
internal static class GuestConsoleLogCommand
{
    public const string Name = "guest-console-log";

    public static Command Build()
    {
        var path = new Option<string>("--serial-log")
        {
            Description = "The guest's serial log, written by QEMU.",
            DefaultValueFactory = _ => LauncherLayout.SerialLogPath,
        };
        var command = new Command(Name, "Follow the guest's serial log to stdout until SIGTERM (the launcher pod's guest-console-log container).") { path };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // The launcher's command tree leaves SIGTERM to each command; this one stops following, after a last copy.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            using var logging = LoggerFactory.Create(LauncherLogging.Configure);
            var options = Options.Create(new LauncherOptions { SerialLogPath = parse.GetValue(path)! });
            var follower = new SerialLogFollower(options, TimeProvider.System, logging.CreateLogger<SerialLogFollower>());
            await follower.FollowAsync(Console.OpenStandardOutput(), stop.Token).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
