using System.Runtime.InteropServices;
using VmAddon.Terminal;

namespace VmAddon.Cli.Console;

/// <summary>
/// This process's own terminal: standard input read as plain bytes, standard output, raw mode through termios, the size
/// through TIOCGWINSZ and SIGWINCH for resizes. Elsewhere than Linux: no raw mode, and the size from <see cref="System.Console"/>.
/// </summary>
internal sealed class ProcessTerminal : IConsoleTerminal, IDisposable
{
    private readonly PosixSignalRegistration? _windowChanged;

    public ProcessTerminal()
    {
        Input = OperatingSystem.IsLinux() ? TerminalInput.OpenStandardInput() : System.Console.OpenStandardInput();
        Output = System.Console.OpenStandardOutput();
        if (!OperatingSystem.IsWindows())
        {
            _windowChanged = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => Resized?.Invoke());
        }
    }

    public event Action? Resized;

    public Stream Input { get; }

    public Stream Output { get; }

    public TerminalSize? Size
    {
        get
        {
            if (OperatingSystem.IsLinux())
            {
                // Sized by standard output as kubectl does; standard input is the fallback when only output is redirected.
                return WindowSize.Read(WindowSize.StandardOutput) ?? WindowSize.Read(RawTerminal.StandardInput);
            }

            return System.Console.IsOutputRedirected ? null : new TerminalSize((ushort)System.Console.WindowWidth, (ushort)System.Console.WindowHeight);
        }
    }

    public IDisposable EnterRawMode() => (OperatingSystem.IsLinux() ? RawTerminal.EnterIfTerminal() : null) ?? (IDisposable)new NotRaw();

    public void Dispose()
    {
        _windowChanged?.Dispose();
        Input.Dispose();
        Output.Dispose();
    }

    private sealed class NotRaw : IDisposable
    {
        public void Dispose()
        {
            // Standard input is not a terminal: there was nothing to change.
        }
    }
}
