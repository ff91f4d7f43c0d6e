using System.CommandLine;
using VmAddon.Core.Launcher;
using VmAddon.Launcher.GuestConsole;
using VmAddon.Terminal;

namespace VmAddon.Launcher.Commands;

/// <summary><c>vmaddon-launcher console --socket PATH</c>: the guest's serial console on stdin/stdout; kubectl vm console runs it through pods/exec.</summary>
internal static class ConsoleCommand
{
    public static Command Build(LauncherStreams streams)
    {
        var socket = new Option<string>("--socket")
        {
            Description = "The serial console's unix socket, bound by QEMU.",
            DefaultValueFactory = _ => LauncherLayout.SerialSocketPath,
        };
        var command = new Command("console", "Attach to the guest's serial console. Ctrl+] detaches.") { socket };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(socket)!;
            if (!File.Exists(path))
            {
                await streams.Error.WriteLineAsync($"error: the guest is not running: its serial console {path} does not exist.".AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            using var raw = RawTerminal.EnterIfTerminal();
            try
            {
                var ending = await ConsoleBridge.RunAsync(path, streams.Input, streams.Output, cancellationToken).ConfigureAwait(false);
                if (ending == ConsoleBridge.Ending.GuestClosed)
                {
                    await streams.Error.WriteLineAsync("\r\nthe guest's console closed (the guest stopped).\r".AsMemory(), cancellationToken).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }
            catch (LauncherException e)
            {
                await streams.Error.WriteLineAsync($"error: {e.Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
