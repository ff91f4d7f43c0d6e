using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VmAddon.Cli.Console;

/// <summary>Reads the error channel's metav1.Status, as client-go does, into how the remote command ended.</summary>
internal static class ExitStatus
{
    /// <summary>
    /// Success: exit code 0. Failure with reason NonZeroExitCode: the code in its ExitCode cause, and the message. Any
    /// other failure (the command could not run): no exit code, and the message saying why.
    /// </summary>
    public static ConsoleOutcome ToOutcome(ReadOnlySpan<byte> status)
    {
        try
        {
            var reader = new Utf8JsonReader(status);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Unreadable(status);
            }

            if (Text(root, "status") == "Success")
            {
                return new ConsoleOutcome(ConsoleEnding.RemoteExited, 0, null);
            }

            var message = Text(root, "message") is { Length: > 0 } text ? text : "the remote command failed";
            var code = Text(root, "reason") == "NonZeroExitCode" ? ExitCodeCause(root) : null;
            return new ConsoleOutcome(ConsoleEnding.RemoteExited, code, message);
        }
        catch (JsonException)
        {
            return Unreadable(status);
        }
    }

    private static int? ExitCodeCause(JsonElement status)
    {
        if (!status.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Object
            || !details.TryGetProperty("causes", out var causes) || causes.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var cause in causes.EnumerateArray())
        {
            if (cause.ValueKind == JsonValueKind.Object && Text(cause, "reason") == "ExitCode"
                && int.TryParse(Text(cause, "message"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
            {
                return code;
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ConsoleOutcome Unreadable(ReadOnlySpan<byte> status) =>
        new(ConsoleEnding.RemoteExited, null, Encoding.UTF8.GetString(status).Trim());
}
