using VmAddon.DevCluster.Streaming;

namespace VmAddon.DevCluster.Commands;

/// <summary>
/// Makes SIGINT stop vmaddon-dev even when it was started with SIGINT ignored, as a non-interactive shell starts its
/// background jobs (`vmaddon-dev api &amp;` in a script, or a CI runner). POSIX keeps an ignored signal ignored across
/// exec, and .NET then leaves it ignored, so Ctrl-C and `kill -INT` did nothing. kube-apiserver (Go's signal.Notify)
/// takes SIGINT back in the same case; so does this, before .NET installs its own handlers.
/// </summary>
internal static class InterruptSignal
{
    private const int SigInt = 2;
    private const nint Default = 0;
    private const nint Ignore = 1;

    public static void TakeBack()
    {
        var previous = Libc.signal(SigInt, Default);
        if (previous != Ignore)
        {
            Libc.signal(SigInt, previous); // it was not ignored: leave it exactly as it was
        }
    }
}
