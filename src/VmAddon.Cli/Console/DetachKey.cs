namespace VmAddon.Cli.Console;

/// <summary>Ctrl+], the key that leaves the console (as in virsh console, telnet and virtctl console).</summary>
internal static class DetachKey
{
    /// <summary>The byte Ctrl+] sends.</summary>
    public const byte Value = 0x1d;

    /// <summary>
    /// How much of a chunk of keystrokes to send: all of it, or everything up to and including the first Ctrl+], which
    /// is sent too so that the remote <c>vmaddon-launcher console</c> detaches and exits 0.
    /// </summary>
    public static (int Send, bool Detach) Scan(ReadOnlySpan<byte> keys)
    {
        var at = keys.IndexOf(Value);
        return at < 0 ? (keys.Length, false) : (at + 1, true);
    }
}
