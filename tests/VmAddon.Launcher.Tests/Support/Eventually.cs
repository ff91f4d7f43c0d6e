namespace VmAddon.Launcher.Tests.Support;

/// <summary>Waits for a condition with a deadline, never for a fixed time.</summary>
internal static class Eventually
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(50);

    public static async Task WaitAsync(Func<bool> condition, TimeSpan deadline, Func<string> whatWasExpected)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (!condition())
        {
            try
            {
                await Task.Delay(s_interval, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                if (condition())
                {
                    return;
                }

                throw new TimeoutException($"gave up after {deadline.TotalSeconds:0} s waiting for: {whatWasExpected()}");
            }
        }
    }
}
