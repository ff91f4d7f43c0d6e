using System.Net.WebSockets;
using k8s;
using k8s.Autorest;

namespace VmAddon.Cli.Console;

/// <summary>
/// Why the API server refused an exec's WebSocket upgrade. The WebSocket client only reports the status code, so the
/// same request is asked again as a plain GET, whose answer carries the API server's metav1.Status.
/// </summary>
internal static class ExecRefusal
{
    /// <summary>
    /// The API server's answer as a <see cref="HttpOperationException"/> (pod or container not found, forbidden, pod
    /// not running), or <paramref name="refused"/> itself when the plain request does not explain it.
    /// </summary>
    public static async Task<Exception> ExplainAsync(IKubernetes client, ExecTarget target, WebSocketException refused, CancellationToken cancellationToken)
    {
        try
        {
            using var answer = await client.CoreV1.ConnectGetNamespacedPodExecWithHttpMessagesAsync(target.Pod, target.Namespace,
                target.Command.FirstOrDefault(), target.Container, stderr: false, stdin: true, stdout: true, tty: true, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return refused;
        }
        catch (HttpOperationException explained)
        {
            return explained;
        }
        catch (HttpRequestException)
        {
            return refused;
        }
    }
}
