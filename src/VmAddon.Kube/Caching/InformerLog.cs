using Microsoft.Extensions.Logging;

namespace VmAddon.Kube.Caching;

internal static partial class InformerLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{What}: resourceVersion expired; relisting")]
    public static partial void Expired(ILogger log, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What}: list or watch failed; retrying in {Backoff}")]
    public static partial void Failed(ILogger log, string what, TimeSpan backoff, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{What}: an event handler failed")]
    public static partial void HandlerFailed(ILogger log, string what, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{What}: synced {Count} objects at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger log, string what, int count, string resourceVersion);
}
