using System.Buffers;
using System.Text;
using VmAddon.DevCluster.Streaming;

namespace VmAddon.DevCluster.Kubelet;

/// <summary>Writes one container run's log file in the CRI format the kubelet reads (<c>2026-11-24T21:00:00.123456789Z stdout F text</c>).</summary>
/// <remarks>
/// <para>Lines are split as containerd splits them: at <c>\n</c> (a <c>\r\n</c> ending is dropped whole), lines longer than
/// <see cref="MaxLineBytes"/> go out as partial (P) records of that size, and bytes left without a newline when a stream
/// ends go out as one partial record.</para>
/// <para>Each record is one write(2) on a descriptor opened with O_APPEND, so stdout and stderr (and even several writers
/// in different processes) never interleave inside a line.</para>
/// <para>Disposing marks the file complete by clearing its write permission bits (0640 becomes 0440): that is how
/// <see cref="CriLogReader"/> knows a followed log has ended, since <see cref="IPodRuntime"/> gives only the path.</para>
/// </remarks>
public sealed class CriLogWriter : IAsyncDisposable
{
    /// <summary>containerd's default max_container_log_line_size.</summary>
    public const int MaxLineBytes = 16 * 1024;

    private const UnixFileMode WriteBits = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private int _fd;

    private CriLogWriter(string path, int fd, TimeProvider time)
    {
        Path = path;
        _fd = fd;
        _time = time;
    }

    public string Path { get; }

    /// <summary>Opens (creating it and its directory, mode 0640) a log file for appending.</summary>
    public static CriLogWriter Open(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var fd = Libc.open(path, Libc.OpenWriteOnly | Libc.OpenCreate | Libc.OpenAppend | Libc.OpenCloseOnExec, Convert.ToInt32("640", 8));
        return fd >= 0 ? new CriLogWriter(path, fd, time ?? TimeProvider.System) : throw Libc.Error($"open {path}");
    }

    /// <summary>Whether the writer of this file has finished with it (its write bits are cleared); a missing file counts as finished.</summary>
    public static bool IsComplete(string path)
    {
        try
        {
            return (File.GetUnixFileMode(path) & WriteBits) == 0;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return true;
        }
    }

    /// <summary>Copies a container stream (a pipe, a pty) into the log until it ends; a last line without newline is written as partial.</summary>
    public async Task CopyAsync(Stream source, CriLogStream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var splitter = new LineSplitter(this, stream);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxLineBytes);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, MaxLineBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                splitter.Write(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            await splitter.DisposeAsync().ConfigureAwait(false);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A writable stream for one container stream: bytes written become records line by line; disposing it writes what is left as a partial record.</summary>
    public Stream OpenStream(CriLogStream stream) => new LineSplitter(this, stream);

    /// <summary>Writes one record with its own timestamp.</summary>
    public void WriteRecord(CriLogStream stream, ReadOnlySpan<byte> content, bool partial) =>
        WriteRecord(CriTimestamp.From(_time.GetUtcNow()), stream, content, partial);

    /// <summary>Writes one record with the given timestamp (for tests and replays).</summary>
    public void WriteRecord(CriTimestamp time, CriLogStream stream, ReadOnlySpan<byte> content, bool partial)
    {
        var prefix = $"{time} {(stream == CriLogStream.Stdout ? "stdout" : "stderr")} {(partial ? 'P' : 'F')} ";
        var length = Encoding.ASCII.GetByteCount(prefix) + content.Length + 1;
        var record = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.ASCII.GetBytes(prefix, record);
            content.CopyTo(record.AsSpan(written));
            record[length - 1] = (byte)'\n';
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_fd < 0, this);
                Libc.WriteAll(_fd, record.AsSpan(0, length), Path);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(record);
        }
    }

    /// <summary>Closes the file and marks it complete; a follower then stops after the last record.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_fd < 0)
            {
                return ValueTask.CompletedTask;
            }

            _ = Libc.close(_fd);
            _fd = -1;
        }

        File.SetUnixFileMode(Path, File.GetUnixFileMode(Path) & ~WriteBits);
        return ValueTask.CompletedTask;
    }

    /// <summary>Turns a byte stream into records: full at each newline, partial at <see cref="MaxLineBytes"/> and at the end.</summary>
    private sealed class LineSplitter(CriLogWriter writer, CriLogStream stream) : Stream
    {
        private readonly byte[] _line = new byte[MaxLineBytes];
        private int _length;
        private bool _closed;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => !_closed;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            while (!buffer.IsEmpty)
            {
                var newline = buffer.IndexOf((byte)'\n');
                var take = newline < 0 ? buffer.Length : newline;
                while (take > 0)
                {
                    var room = MaxLineBytes - _length;
                    if (room == 0)
                    {
                        Emit(partial: true);
                        continue;
                    }

                    var chunk = Math.Min(room, take);
                    buffer[..chunk].CopyTo(_line.AsSpan(_length));
                    _length += chunk;
                    buffer = buffer[chunk..];
                    take -= chunk;
                }

                if (newline >= 0)
                {
                    if (_length > 0 && _line[_length - 1] == '\r')
                    {
                        _length--;
                    }

                    Emit(partial: false);
                    buffer = buffer[1..];
                }
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        /// <summary>Nothing is buffered below a line: a partial line waits for its newline (or the end of the stream).</summary>
        public override void Flush()
        {
            if (_length > 0 && _closed)
            {
                Emit(partial: true);
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (!_closed)
            {
                _closed = true;
                Flush();
            }

            base.Dispose(disposing);
        }

        private void Emit(bool partial)
        {
            writer.WriteRecord(stream, _line.AsSpan(0, _length), partial);
            _length = 0;
        }
    }
}
