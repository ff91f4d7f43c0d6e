using VmAddon.Launcher;
using VmAddon.Launcher.Commands;

var streams = new LauncherStreams(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Out, Console.Error);
return await LauncherApplication.RunAsync(args, streams, CancellationToken.None).ConfigureAwait(false);
