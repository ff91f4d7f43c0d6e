using VmAddon.Cli.Cluster;
using VmAddon.Cli.Commands;
using VmAddon.Cli.Progress;

namespace VmAddon.Cli.Waiting;

/// <summary>One look at what a wait is waiting for: whether it is there, and the state to show meanwhile.</summary>
internal sealed record WaitStep(bool Done, string State);

/// <summary>
/// Polls until a condition holds, showing a progress line on a terminal (quiet in pipes), or fails with a message
/// naming what it waited for, the last state seen, and where to look. Polling every half second costs the API server
/// two reads a second, and survives dropped watches and restarts of the server.
/// </summary>
internal static class WaitLoop
{
    private static readonly TimeSpan s_every = TimeSpan.FromMilliseconds(500);

    /// <param name="context">The streams and clock.</param>
    /// <param name="what">What is awaited, as in "virtualmachine legacy-app to be Running".</param>
    /// <param name="look">One look; throws <see cref="CliException"/> when waiting is pointless.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="seeAlso">Where to look when it times out, as in "kubectl describe vm legacy-app".</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public static async Task<string> UntilAsync(CliContext context, string what, Func<CancellationToken, Task<WaitStep>> look, TimeSpan timeout, string seeAlso,
        CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var progress = ProgressLine.Start(context.Streams, context.Time, $"waiting for {what}");
        try
        {
            while (true)
            {
                var step = await look(cancellationToken).ConfigureAwait(false);
                if (step.Done)
                {
                    return step.State;
                }

                progress?.Report($"waiting for {what}: {step.State}");
                if (context.Time.GetElapsedTime(started) >= timeout)
                {
                    throw new CliException($"timed out after {Format(timeout)} waiting for {what}; it is {step.State} (see: {seeAlso})");
                }

                await Task.Delay(s_every, context.Time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (progress is not null)
            {
                await progress.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public static string Format(TimeSpan span) => span.TotalSeconds < 120 ? $"{span.TotalSeconds:0}s" : $"{span.TotalMinutes:0.#}m";
}
