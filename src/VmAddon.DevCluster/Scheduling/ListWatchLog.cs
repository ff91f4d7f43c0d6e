using Microsoft.Extensions.Logging;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>Log messages of <see cref="ListWatchCache{T}"/>.</summary>
internal static partial class ListWatchLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{What}: resourceVersion expired; relisting")]
    public static partial void Expired(ILogger log, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What}: list or watch failed; retrying in {Backoff}")]
    public static partial void Failed(ILogger log, string what, TimeSpan backoff, Exception error);
}
