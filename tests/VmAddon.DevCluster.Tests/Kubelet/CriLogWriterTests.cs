using System.Text;
using VmAddon.DevCluster.Kubelet;

namespace VmAddon.DevCluster.Tests.Kubelet;

public sealed class CriLogWriterTests : IDisposable
{
    private readonly CriLogFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Each_line_becomes_a_full_record_and_an_unfinished_last_line_a_partial_one()
    {
        var path = _files.NewPath();
        var time = new FixedClock(DateTimeOffset.Parse("2026-11-24T21:00:00.1234567Z", System.Globalization.CultureInfo.InvariantCulture));
        await using (var writer = CriLogWriter.Open(path, time))
        {
            await writer.CopyAsync(new MemoryStream(Encoding.UTF8.GetBytes("one\ntwo\r\n\nthree")), CriLogStream.Stdout, CancellationToken.None);
        }

        (await File.ReadAllTextAsync(path)).Should().Be(
            "2026-11-24T21:00:00.123456700Z stdout F one\n" +
            "2026-11-24T21:00:00.123456700Z stdout F two\n" +
            "2026-11-24T21:00:00.123456700Z stdout F \n" +
            "2026-11-24T21:00:00.123456700Z stdout P three\n");
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_is_split_into_partial_records()
    {
        var path = _files.NewPath();
        await using (var writer = CriLogWriter.Open(path))
        {
            await using var stream = writer.OpenStream(CriLogStream.Stderr);
            stream.Write(Encoding.ASCII.GetBytes(new string('x', CriLogWriter.MaxLineBytes + 10) + "\n"));
        }

        var lines = await File.ReadAllLinesAsync(path);
        lines.Select(l => l.Split(' ')[1..3]).Should().BeEquivalentTo([new[] { "stderr", "P" }, ["stderr", "F"]], o => o.WithStrictOrdering());
        lines[0].Split(' ')[3].Should().HaveLength(CriLogWriter.MaxLineBytes);
        lines[1].Split(' ')[3].Should().Be(new string('x', 10));
    }

    [Fact]
    public async Task Two_streams_written_at_once_never_mix_inside_a_line()
    {
        var path = _files.NewPath();
        await using (var writer = CriLogWriter.Open(path))
        {
            var body = string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i} {new string('y', 100)}\n"));
            await Task.WhenAll(
                Task.Run(() => writer.CopyAsync(new MemoryStream(Encoding.ASCII.GetBytes(body)), CriLogStream.Stdout, CancellationToken.None)),
                Task.Run(() => writer.CopyAsync(new MemoryStream(Encoding.ASCII.GetBytes(body)), CriLogStream.Stderr, CancellationToken.None)));
        }

        var records = (await File.ReadAllLinesAsync(path)).Select(l => CriLogRecord.TryParse(Encoding.ASCII.GetBytes(l + "\n"), out var r) ? r : throw new InvalidDataException(l)).ToList();
        records.Should().HaveCount(4000);
        foreach (var stream in new[] { CriLogStream.Stdout, CriLogStream.Stderr })
        {
            records.Where(r => r.Stream == stream).Select(r => Encoding.ASCII.GetString(r.Content.Span))
                .Should().Equal(Enumerable.Range(0, 2000).Select(i => $"line {i} {new string('y', 100)}\n"));
        }
    }

    [Fact]
    public async Task Two_writers_on_one_file_append_without_overwriting_each_other()
    {
        var path = _files.NewPath();
        var first = CriLogWriter.Open(path);
        var second = CriLogWriter.Open(path);
        for (var i = 0; i < 50; i++)
        {
            first.WriteRecord(CriLogStream.Stdout, Encoding.ASCII.GetBytes($"a{i}"), partial: false);
            second.WriteRecord(CriLogStream.Stderr, Encoding.ASCII.GetBytes($"b{i}"), partial: false);
        }

        await first.DisposeAsync();
        await second.DisposeAsync();
        (await File.ReadAllLinesAsync(path)).Should().HaveCount(100);
    }

    [Fact]
    public async Task Disposing_marks_the_file_complete()
    {
        var path = _files.NewPath();
        var writer = CriLogWriter.Open(path);
        CriLogWriter.IsComplete(path).Should().BeFalse();

        await writer.DisposeAsync();

        CriLogWriter.IsComplete(path).Should().BeTrue();
        CriLogWriter.IsComplete(path + ".missing").Should().BeTrue();
    }
}
