using VmAddon.Cli.Console;

namespace VmAddon.Cli.Tests.Console;

public sealed class DetachKeyTests
{
    [Fact]
    public void Keystrokes_without_ctrl_close_bracket_are_all_sent()
    {
        DetachKey.Scan("ls -l\r"u8).Should().Be((6, false));
    }

    [Fact]
    public void Keystrokes_up_to_and_including_ctrl_close_bracket_are_sent_and_the_rest_dropped()
    {
        DetachKey.Scan([(byte)'a', (byte)'b', 0x1d, (byte)'c', 0x1d]).Should().Be((3, true));
    }

    [Fact]
    public void Ctrl_close_bracket_alone_detaches()
    {
        DetachKey.Scan([0x1d]).Should().Be((1, true));
    }

    [Fact]
    public void Other_control_keys_such_as_ctrl_c_pass_through()
    {
        DetachKey.Scan([0x03, 0x04, 0x1b]).Should().Be((3, false));
    }
}
