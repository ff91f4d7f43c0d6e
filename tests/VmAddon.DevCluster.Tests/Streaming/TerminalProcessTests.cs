using System.Text;
using VmAddon.DevCluster.Streaming;

namespace VmAddon.DevCluster.Tests.Streaming;

public sealed class TerminalProcessTests
{
    [Fact]
    public async Task The_program_runs_on_its_own_terminal_of_the_given_size()
    {
        await using var process = TerminalProcess.Start(new ProcessCommand("sh", ["-c", "tty; stty size; echo err >&2"]), stdin: false, columns: 100, rows: 30);
        var output = new ProcessOutput(process.Stdout);

        (await process.Exited).Should().Be(0);
        await output.Completion;
        // The terminal turns \n into \r\n, and stderr comes on the same stream.
        output.Text.Should().Be($"{process.TerminalPath}\r\n30 100\r\nerr\r\n");
        process.TerminalPath.Should().StartWith("/dev/pts/");
    }

    [Fact]
    public async Task The_terminal_is_the_programs_controlling_terminal()
    {
        // /dev/tty opens only with a controlling terminal; ps shows the session's tty.
        await using var process = TerminalProcess.Start(new ProcessCommand("sh", ["-c", "echo via-dev-tty > /dev/tty && ps -o tty= -p $$ | tr -d ' '"]), stdin: false);
        var output = new ProcessOutput(process.Stdout);

        (await process.Exited).Should().Be(0);
        await output.Completion;
        output.Text.Should().Be($"via-dev-tty\r\n{process.TerminalPath["/dev/".Length..]}\r\n");
    }

    [Fact]
    public async Task Resize_changes_the_size_the_program_sees()
    {
        await using var process = TerminalProcess.Start(new ProcessCommand("sh", ["-c", "stty size; read line; stty size"]), stdin: true, columns: 80, rows: 24);
        var output = new ProcessOutput(process.Stdout);
        await output.WaitForAsync(t => t.Contains("24 80\r\n", StringComparison.Ordinal), "the first size");

        process.Resize(132, 43);
        process.Size().Should().Be(((ushort)132, (ushort)43));
        await process.Stdin!.WriteAsync(Encoding.ASCII.GetBytes("\n"));

        (await process.Exited).Should().Be(0);
        await output.Completion;
        output.Text.Should().EndWith("43 132\r\n");
    }

    [Fact]
    public async Task A_window_change_signals_the_foreground_program()
    {
        await using var process = TerminalProcess.Start(new ProcessCommand("sh", ["-c", "trap 'stty size; exit 7' WINCH; echo ready; while :; do sleep 0.05; done"]), stdin: true);
        var output = new ProcessOutput(process.Stdout);
        await output.WaitForAsync(t => t.Contains("ready", StringComparison.Ordinal), "the trap to be set");

        process.Resize(90, 20);

        (await process.Exited).Should().Be(7);
        await output.Completion;
        output.Text.Should().Contain("20 90");
    }

    [Fact]
    public async Task Typed_input_is_echoed_and_read_and_the_exit_code_is_the_programs()
    {
        await using var process = TerminalProcess.Start(new ProcessCommand("sh", ["-c", "read word; echo \"got $word\"; exit 3"]), stdin: true);
        var output = new ProcessOutput(process.Stdout);

        await process.Stdin!.WriteAsync(Encoding.ASCII.GetBytes("abc\r"));

        (await process.Exited).Should().Be(3);
        await output.Completion;
        output.Text.Should().Be("abc\r\ngot abc\r\n");
    }

    [Fact]
    public async Task Closing_stdin_types_end_of_input()
    {
        await using var process = TerminalProcess.Start(new ProcessCommand("sh", ["-c", "cat; echo eof"]), stdin: true);
        var output = new ProcessOutput(process.Stdout);

        await process.Stdin!.DisposeAsync();

        (await process.Exited).Should().Be(0);
        await output.Completion;
        output.Text.Should().EndWith("eof\r\n");
    }

    [Fact]
    public async Task Disposing_a_running_session_kills_it_and_ends_its_output()
    {
        var process = TerminalProcess.Start(new ProcessCommand("sleep", ["300"]), stdin: false);
        var output = new ProcessOutput(process.Stdout);

        await process.DisposeAsync();

        (await process.Exited).Should().Be(137);
        await output.Completion.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
