using VmAddon.Launcher;
using VmAddon.Launcher.Commands;
using VmAddon.Terminal;

// The console reads its terminal byte by byte in raw mode: .NET's own standard input would hold keys until Enter and
// turn CR into LF, so Ctrl+] would never arrive alone. The other commands read no input.
var input = args is ["console", ..] ? TerminalInput.OpenStandardInput() : Console.OpenStandardInput();
var streams = new LauncherStreams(input, Console.OpenStandardOutput(), Console.Out, Console.Error);
return await LauncherApplication.RunAsync(args, streams, CancellationToken.None).ConfigureAwait(false);
