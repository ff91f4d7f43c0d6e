using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Kubelet;

/// <summary>How an exec ended, as the kubelet reports it on the error channel (ServeExec): a metav1.Status from v4 on, plain text before.</summary>
internal sealed record ExecStatus(bool Succeeded, string Message, JsonObject Status)
{
    public static ExecStatus Success() => new(true, "", new JsonObject { ["metadata"] = new JsonObject(), ["status"] = "Success" });

    /// <summary>Reason NonZeroExitCode with cause {reason: ExitCode, message: "CODE"}, which client-go turns into kubectl's own exit code.</summary>
    public static ExecStatus ExitCode(int code, IReadOnlyList<string> command)
    {
        // containerd's error text, wrapped as the kubelet wraps it.
        var message = $"command terminated with non-zero exit code: error executing command [{string.Join(' ', command)}], exit code {code}";
        return new ExecStatus(false, message, new JsonObject
        {
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = "NonZeroExitCode",
            ["details"] = new JsonObject
            {
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ExitCode", ["message"] = code.ToString(CultureInfo.InvariantCulture) }),
            },
        });
    }

    /// <summary>The command could not run (apierrors.NewInternalError of "error executing command in container: ...").</summary>
    public static ExecStatus InternalError(string error)
    {
        var cause = $"error executing command in container: {error}";
        var message = $"Internal error occurred: {cause}";
        return new ExecStatus(false, message, new JsonObject
        {
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = "InternalError",
            ["details"] = new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = cause }) },
            ["code"] = 500,
        });
    }

    /// <summary>The error channel's payload under this protocol; null when nothing is sent (success before v4).</summary>
    public byte[]? Encode(ChannelProtocol protocol) =>
        protocol.StatusJson ? Encoding.UTF8.GetBytes(Status.ToJsonString())
        : Succeeded ? null
        : Encoding.UTF8.GetBytes(Message);
}
