using VmAddon.Cli.Console;
using VmAddon.Terminal;

namespace VmAddon.Cli.Tests.Console;

/// <summary>A user's terminal the test drives: keystrokes it types, a screen it reads, a window it resizes.</summary>
internal sealed class FakeTerminal(TerminalSize? size) : IConsoleTerminal, IDisposable
{
    public event Action? Resized;

    public Keyboard Keys { get; } = new();

    public Screen Screen { get; } = new();

    public Stream Input => Keys;

    public Stream Output => Screen;

    public TerminalSize? Size { get; private set; } = size;

    public void Resize(TerminalSize size)
    {
        Size = size;
        Resized?.Invoke();
    }

    // The session leaves the terminal's mode to its caller; calling this would be a bug.
    public IDisposable EnterRawMode() => throw new NotSupportedException("ConsoleSession must not change the terminal's mode");

    public void Dispose()
    {
        Keys.Dispose();
        Screen.Dispose();
    }
}
