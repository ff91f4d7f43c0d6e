using Microsoft.Extensions.Logging;

namespace VmAddon.Agent.Logging;

/// <summary>The agent's log format: one JSON object a line, UTC-stamped, with the structured fields and scopes, for the node's log collector.</summary>
internal static class AgentLogging
{
    public static void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }
}
