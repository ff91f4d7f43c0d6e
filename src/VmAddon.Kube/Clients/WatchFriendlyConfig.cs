using k8s;

namespace VmAddon.Kube.Clients;

/// <summary>Client settings for processes that cancel watches and stop soon after.</summary>
public static class WatchFriendlyConfig
{
    /// <summary>
    /// Closes a cancelled watch's connection at once: SocketsHttpHandler would otherwise try to drain the unread
    /// response for up to 2 s (ResponseDrainTimeout), and an API server shutting down waits for that watch.
    /// </summary>
    public static KubernetesClientConfiguration CloseCancelledWatchesAtOnce(this KubernetesClientConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.FirstMessageHandlerSetup = handler =>
        {
            if (handler is SocketsHttpHandler sockets)
            {
                sockets.MaxResponseDrainSize = 0;
            }
        };
        return config;
    }
}
