using VmAddon.Terminal;

namespace VmAddon.Cli.Console;

/// <summary>The user's side of a console session: keystrokes in, the remote's bytes out, and the window's size.</summary>
internal interface IConsoleTerminal
{
    /// <summary>The user's keystrokes; end of stream detaches like Ctrl+].</summary>
    Stream Input { get; }

    /// <summary>Where the remote's bytes go, as they come.</summary>
    Stream Output { get; }

    /// <summary>The window's size now; null when the user's side is not a terminal.</summary>
    TerminalSize? Size { get; }

    /// <summary>Raised when the window's size changed (read <see cref="Size"/> for the new one).</summary>
    event Action? Resized;

    /// <summary>Raw mode until disposed; a no-op when standard input is not a terminal.</summary>
    IDisposable EnterRawMode();
}
