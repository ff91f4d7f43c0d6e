using System.Text;
using VmAddon.DevCluster.Streaming;

namespace VmAddon.DevCluster.Tests.Streaming;

public sealed class PipedProcessTests
{
    [Fact]
    public async Task Stdout_stderr_and_the_exit_code_come_back_separately()
    {
        await using var process = PipedProcess.Start(new ProcessCommand("sh", ["-c", "echo out; echo err >&2; exit 3"]), stdin: false);
        var stdout = new ProcessOutput(process.Stdout);
        var stderr = new ProcessOutput(process.Stderr!);

        (await process.Exited).Should().Be(3);
        await Task.WhenAll(stdout.Completion, stderr.Completion);
        stdout.Text.Should().Be("out\n");
        stderr.Text.Should().Be("err\n");
        process.Stdin.Should().BeNull();
    }

    [Fact]
    public async Task Stdin_reaches_the_program_and_closing_it_ends_the_input()
    {
        await using var process = PipedProcess.Start(new ProcessCommand("cat", []), stdin: true);
        var stdout = new ProcessOutput(process.Stdout);

        await process.Stdin!.WriteAsync(Encoding.UTF8.GetBytes("hello\n"));
        await process.Stdin.FlushAsync();
        await stdout.WaitForAsync(t => t == "hello\n", "cat's echo");
        await process.Stdin.DisposeAsync();

        (await process.Exited).Should().Be(0);
    }

    [Fact]
    public async Task Without_stdin_the_program_reads_end_of_file()
    {
        await using var process = PipedProcess.Start(new ProcessCommand("sh", ["-c", "cat; echo done"]), stdin: false);
        var stdout = new ProcessOutput(process.Stdout);

        (await process.Exited).Should().Be(0);
        await stdout.Completion;
        stdout.Text.Should().Be("done\n");
    }

    [Fact]
    public async Task The_given_environment_and_working_directory_are_the_programs_whole_world()
    {
        var directory = Directory.CreateTempSubdirectory("vmaddon-piped-").FullName;
        try
        {
            var command = new ProcessCommand("sh", ["-c", "pwd; echo \"$GREETING\"; echo \"home=$HOME\""])
            {
                Environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["GREETING"] = "hi" },
                WorkingDirectory = directory,
            };
            await using var process = PipedProcess.Start(command, stdin: false);
            var stdout = new ProcessOutput(process.Stdout);

            (await process.Exited).Should().Be(0);
            await stdout.Completion;
            stdout.Text.Should().Be($"{directory}\nhi\nhome=\n");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_signal_ends_the_process_with_128_plus_its_number()
    {
        await using var process = PipedProcess.Start(new ProcessCommand("sh", ["-c", "kill -TERM $$"]), stdin: false);

        (await process.Exited).Should().Be(143);
    }

    [Fact]
    public void A_program_that_is_not_on_the_PATH_fails_to_start_with_its_name()
    {
        var start = () => PipedProcess.Start(new ProcessCommand("no-such-program-vmaddon", []), stdin: false);

        start.Should().Throw<FileNotFoundException>().WithMessage("*no-such-program-vmaddon*");
    }

    [Fact]
    public async Task Disposing_a_running_process_kills_it_and_its_children()
    {
        var process = PipedProcess.Start(new ProcessCommand("sh", ["-c", "sleep 300 & echo $!; wait"]), stdin: false);
        var stdout = new ProcessOutput(process.Stdout);
        var child = int.Parse((await stdout.WaitForAsync(t => t.EndsWith('\n'), "the child's pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        await process.DisposeAsync();

        process.Exited.IsCompleted.Should().BeTrue();
        await Eventually.UntilAsync(() => Task.FromResult(!File.Exists($"/proc/{child}/stat") || File.ReadAllText($"/proc/{child}/stat").Contains(") Z ", StringComparison.Ordinal)), "the child to die");
    }
}
