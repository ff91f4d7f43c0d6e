namespace VmAddon.Launcher.Commands;

/// <summary>The standard streams a command uses; the console needs raw bytes, messages need text.</summary>
internal sealed record LauncherStreams(Stream Input, Stream Output, TextWriter Out, TextWriter Error);
