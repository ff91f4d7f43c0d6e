using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace VmAddon.Terminal;

/// <summary>Standard input as plain bytes, for a program that puts its terminal into raw mode.</summary>
[SupportedOSPlatform("linux")]
public static class TerminalInput
{
    /// <summary>
    /// A stream that reads file descriptor 0 as it is. <see cref="Console.OpenStandardInput()"/> on a terminal reads
    /// whole lines through .NET's own line editor instead (echoing, turning CR into LF, holding every key until Enter),
    /// which defeats raw mode: Ctrl+] would never arrive alone. The descriptor stays open when the stream is disposed.
    /// </summary>
    public static Stream OpenStandardInput() =>
        new FileStream(new SafeFileHandle(RawTerminal.StandardInput, ownsHandle: false), FileAccess.Read, bufferSize: 0);
}
