using System.Buffers;

namespace VmAddon.DevCluster.Kubelet;

/// <summary>Reads a CRI log file the way the kubelet does (kuberuntime/logs.ReadLogs): tail, since, byte limit, timestamps and follow.</summary>
public static class CriLogReader
{
    private const int BlockSize = 4096;
    private const int OutputBuffer = 32 * 1024;

    /// <summary>Writes the selected records' content to the output.</summary>
    /// <remarks>
    /// <c>isCurrent</c> is asked while following: false ends the follow (the container has moved on to another log file); null never does.
    /// A follower stops once the file is complete (<see cref="CriLogWriter.IsComplete"/>: its writer is done, or it was removed)
    /// or <c>isCurrent</c> says so, after reading what is left; otherwise only when <paramref name="cancellationToken"/> fires.
    /// </remarks>
    public static async Task ReadAsync(string path, CriLogOptions options, Stream output, Func<bool>? isCurrent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        await using (file.ConfigureAwait(false))
        {
            file.Position = TailStart(file, options.TailLines);
            var since = options.Since is { } s ? CriTimestamp.From(s) : (CriTimestamp?)null;
            var limitedMode = options.TailLines is not null && !options.Follow;
            var lines = options.TailLines ?? 0;
            var remaining = options.LimitBytes ?? long.MaxValue;
            var pending = new ArrayBufferWriter<byte>(OutputBuffer);
            var reader = new LineReader(file);
            var finishing = false;
            while (!(limitedMode && lines <= 0))
            {
                var line = await reader.NextAsync(final: !options.Follow || finishing, cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    if (!options.Follow || finishing)
                    {
                        break;
                    }

                    await FlushAsync(pending, output, cancellationToken).ConfigureAwait(false);
                    // The kubelet asks the runtime whether the container still runs; here the writer marks the file instead.
                    if (CriLogWriter.IsComplete(path) || isCurrent?.Invoke() == false)
                    {
                        finishing = true;
                        continue;
                    }

                    await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!CriLogRecord.TryParse(line.Value, out var record))
                {
                    continue;
                }

                if ((options.Stream is { } only && record.Stream != only) || (since is { } from && record.Time < from))
                {
                    if (limitedMode)
                    {
                        lines--;
                    }

                    continue;
                }

                if (options.Timestamps)
                {
                    remaining -= Append(pending, System.Text.Encoding.ASCII.GetBytes(record.Time + " "), remaining);
                }

                remaining -= Append(pending, record.Content.Span, remaining);
                if (remaining <= 0)
                {
                    break;
                }

                if (limitedMode)
                {
                    lines--;
                }

                if (pending.WrittenCount >= OutputBuffer)
                {
                    await FlushAsync(pending, output, cancellationToken).ConfigureAwait(false);
                }
            }

            await FlushAsync(pending, output, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Where the last <paramref name="lines"/> lines start, counting newlines back from the end (pkg/util/tail.FindTailLineStartIndex).</summary>
    internal static long TailStart(FileStream file, long? lines)
    {
        if (lines is not { } wanted)
        {
            return 0;
        }

        var buffer = new byte[BlockSize];
        var position = file.Length;
        long newlines = 0;
        while (position > 0)
        {
            var size = (int)Math.Min(BlockSize, position);
            position -= size;
            file.Position = position;
            file.ReadExactly(buffer, 0, size);
            for (var i = size - 1; i >= 0; i--)
            {
                // The newline that ends the line before the wanted ones: the tail starts just after it.
                if (buffer[i] == '\n' && ++newlines > wanted)
                {
                    return position + i + 1;
                }
            }
        }

        return 0;
    }

    private static long Append(ArrayBufferWriter<byte> pending, ReadOnlySpan<byte> bytes, long remaining)
    {
        var take = (int)Math.Min(bytes.Length, remaining);
        pending.Write(bytes[..take]);
        return take;
    }

    private static async Task FlushAsync(ArrayBufferWriter<byte> pending, Stream output, CancellationToken cancellationToken)
    {
        if (pending.WrittenCount > 0)
        {
            await output.WriteAsync(pending.WrittenMemory, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            pending.Clear();
        }
    }

    /// <summary>Reads lines ending in newline; an unterminated tail stays unread until more arrives, or is returned when <c>final</c>.</summary>
    private sealed class LineReader(FileStream file)
    {
        private byte[] _buffer = new byte[BlockSize * 4];
        private int _start;
        private int _end;

        public async ValueTask<ReadOnlyMemory<byte>?> NextAsync(bool final, CancellationToken cancellationToken)
        {
            while (true)
            {
                var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    var line = _buffer.AsMemory(_start, newline + 1).ToArray();
                    _start += newline + 1;
                    return line;
                }

                if (_start > 0)
                {
                    Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                if (_end == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                var read = await file.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
                if (read > 0)
                {
                    _end += read;
                    continue;
                }

                if (final && _end > _start)
                {
                    var rest = _buffer.AsMemory(_start, _end - _start).ToArray();
                    _start = _end = 0;
                    return rest;
                }

                return null;
            }
        }
    }
}
