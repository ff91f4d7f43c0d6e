using System.Globalization;
using System.Text;

namespace VmAddon.DevCluster.Nodes;

/// <summary>Copies a container's stdout and stderr into its log file in the CRI format the kubelet writes ("TIME STREAM F|P TEXT").</summary>
internal sealed class ContainerLog(string path, TimeProvider time)
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public string Path { get; } = path;

    public Task PumpAsync(Stream stdout, Stream stderr) => Task.WhenAll(PumpAsync(stdout, "stdout"), PumpAsync(stderr, "stderr"));

    private async Task PumpAsync(Stream source, string stream)
    {
        var buffer = new byte[16384];
        var pending = new List<byte>();
        int read;
        while ((read = await source.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            pending.AddRange(buffer.AsSpan(0, read));
            int newline;
            while ((newline = pending.IndexOf((byte)'\n')) >= 0)
            {
                await WriteAsync(stream, "F", pending.GetRange(0, newline).ToArray()).ConfigureAwait(false);
                pending.RemoveRange(0, newline + 1);
            }

            if (pending.Count >= 16384)
            {
                await WriteAsync(stream, "P", [.. pending]).ConfigureAwait(false);
                pending.Clear();
            }
        }

        if (pending.Count > 0)
        {
            await WriteAsync(stream, "P", [.. pending]).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(string stream, string tag, byte[] text)
    {
        var prefix = Encoding.UTF8.GetBytes($"{time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture)} {stream} {tag} ");
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            await using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            await file.WriteAsync(prefix).ConfigureAwait(false);
            await file.WriteAsync(text).ConfigureAwait(false);
            await file.WriteAsync("\n"u8.ToArray()).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }
}
