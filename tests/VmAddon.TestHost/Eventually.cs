namespace VmAddon.TestHost;

/// <summary>
/// Polls until a condition holds. The bound (20 s unless a slower process, such as a guest booting under software
/// emulation, asks for more) only guards against a hang; no test asserts a time.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? hangGuard = null, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + (hangGuard ?? HangGuard);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"gave up waiting for {what}");
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(25));
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);
}
