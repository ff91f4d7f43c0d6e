using System.Text;
using VmAddon.Cli.Console;
using VmAddon.Terminal;

namespace VmAddon.Cli.Tests.Console;

public sealed class ResizeMessageTests
{
    [Fact]
    public void A_size_is_sent_as_kubernetes_terminal_size_json_width_first()
    {
        Encoding.UTF8.GetString(ResizeMessage.Encode(new TerminalSize(Columns: 132, Rows: 43))).Should().Be("""{"Width":132,"Height":43}""");
    }

    [Fact]
    public void The_largest_sizes_are_written_in_full()
    {
        Encoding.UTF8.GetString(ResizeMessage.Encode(new TerminalSize(ushort.MaxValue, ushort.MaxValue))).Should().Be("""{"Width":65535,"Height":65535}""");
    }
}
