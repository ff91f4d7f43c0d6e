namespace LibvirtSharp.Tests.Support;

/// <summary>Deadlines for waiting on conditions; generous, because they only bound a wait and are never asserted.</summary>
public static class Deadline
{
    public static CancellationToken In(TimeSpan timeout) => new CancellationTokenSource(timeout).Token;

    public static CancellationToken Seconds(int seconds) => In(TimeSpan.FromSeconds(seconds));
}
