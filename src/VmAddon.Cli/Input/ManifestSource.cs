namespace VmAddon.Cli.Input;

/// <summary>A manifest's text and the name to show in messages: a file, or standard input for "-".</summary>
internal sealed record ManifestSource(string DisplayName, string Text)
{
    public const string StandardInput = "-";

    /// <summary>Reads the manifest, or writes to standard error what to do instead and returns null.</summary>
    public static async Task<ManifestSource?> ReadOrReportAsync(string path, CliStreams streams, CancellationToken cancellationToken)
    {
        var (source, problem) = await ReadAsync(path, streams.Input, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            await streams.Error.WriteLineAsync(problem.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return source;
    }

    private static async Task<(ManifestSource? Source, string? Problem)> ReadAsync(string path, TextReader stdin, CancellationToken cancellationToken)
    {
        if (path == StandardInput)
        {
            return (new ManifestSource("<stdin>", await stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false)), null);
        }

        if (!File.Exists(path))
        {
            return (null, $"error: {path}: no such file; pass a YAML manifest, or - to read standard input");
        }

        try
        {
            return (new ManifestSource(path, await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"error: {path}: cannot read it: {e.Message}");
        }
    }
}
