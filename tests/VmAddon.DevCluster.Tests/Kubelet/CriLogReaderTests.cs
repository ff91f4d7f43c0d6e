using System.Text;
using VmAddon.DevCluster.Kubelet;

namespace VmAddon.DevCluster.Tests.Kubelet;

public sealed class CriLogReaderTests : IDisposable
{
    private readonly CriLogFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Records_are_read_back_as_the_container_wrote_them_with_partials_joined()
    {
        var path = await WriteAsync(("stdout", "F", "one"), ("stderr", "P", "tw"), ("stderr", "F", "o"), ("stdout", "P", "end"));

        (await CriLogFiles.ReadAsync(path, new CriLogOptions())).Should().Be("one\ntwo\nend");
    }

    [Fact]
    public async Task TailLines_keeps_the_last_lines_of_the_file()
    {
        var path = await WriteAsync(("stdout", "F", "a"), ("stdout", "F", "b"), ("stdout", "F", "c"));

        (await CriLogFiles.ReadAsync(path, new CriLogOptions { TailLines = 2 })).Should().Be("b\nc\n");
        (await CriLogFiles.ReadAsync(path, new CriLogOptions { TailLines = 0 })).Should().BeEmpty();
        (await CriLogFiles.ReadAsync(path, new CriLogOptions { TailLines = 10 })).Should().Be("a\nb\nc\n");
    }

    [Fact]
    public async Task LimitBytes_cuts_the_output_inside_a_line()
    {
        var path = await WriteAsync(("stdout", "F", "hello"), ("stdout", "F", "world"));

        (await CriLogFiles.ReadAsync(path, new CriLogOptions { LimitBytes = 8 })).Should().Be("hello\nwo");
    }

    [Fact]
    public async Task Since_skips_older_records_and_timestamps_prefix_each_record()
    {
        var path = await WriteAsync(("stdout", "F", "old"), ("stdout", "F", "new"));

        (await CriLogFiles.ReadAsync(path, new CriLogOptions { Since = CriLogFiles.At(1).Instant, Timestamps = true }))
            .Should().Be("2026-11-24T21:00:01.000000005Z new\n");
    }

    [Fact]
    public async Task Stream_keeps_one_of_the_two()
    {
        var path = await WriteAsync(("stdout", "F", "out"), ("stderr", "F", "err"));

        (await CriLogFiles.ReadAsync(path, new CriLogOptions { Stream = CriLogStream.Stderr })).Should().Be("err\n");
    }

    [Fact]
    public async Task Lines_that_are_not_CRI_records_are_skipped_and_lenient_timestamps_accepted()
    {
        var path = _files.NewPath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "garbage\n2026-11-24T21:00:00Z stdout F plain\n2026-11-24T23:00:00.5+02:00 stderr F offset\n2026-11-24T21:00:00Z stdin F nope\n");

        (await CriLogFiles.ReadAsync(path, new CriLogOptions { Timestamps = true })).Should().Be(
            "2026-11-24T21:00:00.000000000Z plain\n2026-11-24T21:00:00.500000000Z offset\n");
    }

    [Fact]
    public async Task Follow_streams_new_records_and_ends_when_the_writer_completes_the_file()
    {
        var path = _files.NewPath();
        var writer = CriLogWriter.Open(path);
        writer.WriteRecord(CriLogStream.Stdout, "first"u8, partial: false);
        var output = new MemoryStream();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var reading = CriLogReader.ReadAsync(path, new CriLogOptions { Follow = true, TailLines = 0 }, output, null, guard.Token);

        writer.WriteRecord(CriLogStream.Stdout, "second"u8, partial: false);
        await Eventually.UntilAsync(() => Task.FromResult(Text(output) == "second\n"), "the followed record");
        reading.IsCompleted.Should().BeFalse();
        writer.WriteRecord(CriLogStream.Stderr, "last"u8, partial: false);
        await writer.DisposeAsync();

        await reading;
        Text(output).Should().Be("second\nlast\n");
    }

    [Fact]
    public async Task Follow_ends_when_the_container_has_moved_to_another_file()
    {
        var path = await WriteAsync(("stdout", "F", "run one"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var current = true;
        using var output = new MemoryStream();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var reading = CriLogReader.ReadAsync(path, new CriLogOptions { Follow = true }, output, () => current, guard.Token);
        await Eventually.UntilAsync(() => Task.FromResult(Text(output) == "run one\n"), "the first record");

        current = false;

        await reading;
    }

    [Fact]
    public async Task Follow_stops_when_the_request_is_cancelled()
    {
        var path = _files.NewPath();
        await using var writer = CriLogWriter.Open(path);
        using var cancel = new CancellationTokenSource();
        var reading = CriLogReader.ReadAsync(path, new CriLogOptions { Follow = true }, Stream.Null, null, cancel.Token);

        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => reading).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Timestamps_keep_nanoseconds_and_print_fixed_width()
    {
        CriTimestamp.TryParse("2026-11-24T21:00:00.123456789Z"u8, out var precise).Should().BeTrue();
        precise.ToString().Should().Be("2026-11-24T21:00:00.123456789Z");
        CriTimestamp.TryParse("2026-11-24T21:00:00.1Z"u8, out var short1).Should().BeTrue();
        short1.ToString().Should().Be("2026-11-24T21:00:00.100000000Z");
        CriTimestamp.TryParse("2026-11-24 21:00:00Z"u8, out _).Should().BeFalse();
        precise.Should().BeGreaterThan(short1);
    }

    private static string Text(MemoryStream output) => Encoding.UTF8.GetString(output.ToArray());

    private async Task<string> WriteAsync(params (string Stream, string Tag, string Text)[] records)
    {
        var path = _files.NewPath();
        await using var writer = CriLogWriter.Open(path);
        for (var i = 0; i < records.Length; i++)
        {
            var (stream, tag, text) = records[i];
            writer.WriteRecord(CriLogFiles.At(i, 5), stream == "stdout" ? CriLogStream.Stdout : CriLogStream.Stderr, Encoding.UTF8.GetBytes(text), tag == "P");
        }

        return path;
    }
}
