using System.Globalization;
using System.Text;
using VmAddon.Terminal;

namespace VmAddon.Cli.Console;

/// <summary>The resize channel's payload: remotecommand.TerminalSize as JSON, {"Width":columns,"Height":rows}.</summary>
internal static class ResizeMessage
{
    public static byte[] Encode(TerminalSize size) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"Width":{{size.Columns}},"Height":{{size.Rows}}}"""));
}
