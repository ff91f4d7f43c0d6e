using VmAddon.Launcher.Native;

namespace VmAddon.Launcher.GuestConsole;

/// <summary>
/// Puts the terminal on standard input into raw mode while attached, so every key (Ctrl+C included) reaches the guest
/// and Ctrl+] reaches us unbuffered; disposing restores the saved settings.
/// </summary>
internal sealed class RawTerminal : IDisposable
{
    private const int StandardInput = 0;

    private readonly byte[] _saved;

    private RawTerminal(byte[] saved) => _saved = saved;

    /// <summary>Raw mode on standard input, or null when standard input is not a terminal (piped, or exec without -t).</summary>
    public static RawTerminal? EnterIfTerminal()
    {
        if (Console.IsInputRedirected)
        {
            return null;
        }

        var saved = new byte[LibC.TermiosBufferSize];
        if (LibC.TcGetAttr(StandardInput, ref saved[0]) != 0)
        {
            return null;
        }

        var raw = (byte[])saved.Clone();
        LibC.CfMakeRaw(ref raw[0]);
        _ = LibC.TcSetAttr(StandardInput, LibC.TcsaNow, ref raw[0]);
        return new RawTerminal(saved);
    }

    public void Dispose() => _ = LibC.TcSetAttr(StandardInput, LibC.TcsaNow, ref _saved[0]);
}
