namespace VmAddon.DevCluster.Kubelet;

/// <summary>One line of a CRI log file: <c>TIMESTAMP STREAM TAG CONTENT</c>, where tag P marks a partial line and F a full one; a full record's content ends with its newline, a partial one's has none.</summary>
public readonly record struct CriLogRecord(CriTimestamp Time, CriLogStream Stream, bool Partial, ReadOnlyMemory<byte> Content)
{
    /// <summary>Parses a line as the kubelet does (parseCRILog): the tag may carry more colon-separated tags after P or F; the line keeps its trailing newline, if it has one.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> line, out CriLogRecord record)
    {
        record = default;
        var span = line.Span;
        var space = span.IndexOf((byte)' ');
        if (space < 0 || !CriTimestamp.TryParse(span[..space], out var time))
        {
            return false;
        }

        var offset = space + 1;
        space = span[offset..].IndexOf((byte)' ');
        if (space < 0)
        {
            return false;
        }

        CriLogStream stream;
        if (span.Slice(offset, space).SequenceEqual("stdout"u8))
        {
            stream = CriLogStream.Stdout;
        }
        else if (span.Slice(offset, space).SequenceEqual("stderr"u8))
        {
            stream = CriLogStream.Stderr;
        }
        else
        {
            return false;
        }

        offset += space + 1;
        space = span[offset..].IndexOf((byte)' ');
        if (space < 0)
        {
            return false;
        }

        var tags = span.Slice(offset, space);
        var colon = tags.IndexOf((byte)':');
        var partial = (colon < 0 ? tags : tags[..colon]).SequenceEqual("P"u8);
        var content = line[(offset + space + 1)..];
        if (partial && content.Length > 0 && content.Span[^1] == '\n')
        {
            content = content[..^1];
        }

        record = new CriLogRecord(time, stream, partial, content);
        return true;
    }
}
