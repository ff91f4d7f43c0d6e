using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmAddon.Launcher.Hosting;
using VmAddon.Launcher.Logging;

namespace VmAddon.Launcher.GuestConsole;

/// <summary>
/// Copies the guest's serial log to the launcher's stdout as it grows, like <c>tail -F</c>, so that
/// <c>kubectl logs</c> shows the guest console. The log appears only once QEMU starts, and QEMU truncates it when
/// the guest starts again, so both are followed.
/// </summary>
internal sealed class SerialLogFollower(IOptions<LauncherOptions> options, TimeProvider time, ILogger<SerialLogFollower> logger)
{
    private const int BufferSize = 16 * 1024;

    private readonly LauncherOptions _options = options.Value;

    /// <summary>Runs until <paramref name="cancellationToken"/> fires, then copies what is left and returns.</summary>
    public async Task FollowAsync(Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var path = _options.SerialLogPath;
        var buffer = new byte[BufferSize];
        FileStream? log = null;
        try
        {
            while (true)
            {
                log ??= Open(path);
                if (log is not null)
                {
                    // Copy everything there is before waiting, and once more after cancellation so the guest's last words are kept.
                    int read;
                    while ((read = await log.ReadAsync(buffer, CancellationToken.None).ConfigureAwait(false)) > 0)
                    {
                        await output.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None).ConfigureAwait(false);
                        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                    }

                    var length = LengthOf(path);
                    if (length < 0)
                    {
                        await log.DisposeAsync().ConfigureAwait(false);
                        log = null;
                    }
                    else if (length < log.Position)
                    {
                        logger.SerialLogTruncated(path);
                        log.Position = 0;
                        continue;
                    }
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    await Task.Delay(_options.PollInterval, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // One last copy happens at the top of the loop.
                }
            }
        }
        finally
        {
            if (log is not null)
            {
                await log.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private FileStream? Open(string path)
    {
        try
        {
            var log = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            logger.SerialLogFollowing(path);
            return log;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static long LengthOf(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? file.Length : -1;
    }
}
