using System.Globalization;

namespace VmAddon.Cli.Progress;

/// <summary>
/// One line on standard error that says what a long wait is waiting for, with a spinner and the time so far, redrawn
/// in place. Only on a terminal: piped or logged output stays quiet. Disposing erases it.
/// </summary>
internal sealed class ProgressLine : IAsyncDisposable
{
    private static readonly TimeSpan s_redraw = TimeSpan.FromMilliseconds(200);
    private static readonly string[] s_spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticker;
    private volatile string _text;

    private ProgressLine(TextWriter error, TimeProvider time, string text)
    {
        _error = error;
        _time = time;
        _text = text;
        _started = time.GetTimestamp();
        _ticker = TickAsync();
    }

    /// <summary>A progress line, or null when standard error is not a terminal.</summary>
    public static ProgressLine? Start(CliStreams streams, TimeProvider time, string text) =>
        streams.ErrorIsTerminal ? new ProgressLine(streams.Error, time, text) : null;

    public void Report(string text) => _text = text;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _ticker.ConfigureAwait(false);
        await _error.WriteAsync("\r\u001b[2K").ConfigureAwait(false);
        await _error.FlushAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(s_redraw, _time);
        var frame = 0;
        try
        {
            do
            {
                var seconds = ((int)_time.GetElapsedTime(_started).TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await _error.WriteAsync($"\r\u001b[2K{s_spinner[frame++ % s_spinner.Length]} {_text} ({seconds}s)").ConfigureAwait(false);
                await _error.FlushAsync().ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }
}
