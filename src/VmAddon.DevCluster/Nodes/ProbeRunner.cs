using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using k8s.Models;

namespace VmAddon.DevCluster.Nodes;

/// <summary>Runs one check of a probe as the kubelet does: exec in the container, a TCP connect, or an HTTP GET (200 to 399 pass).</summary>
internal static class ProbeRunner
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    /// <summary>True when the check passes within the probe's timeout.</summary>
    public static async Task<bool> CheckAsync(V1Probe probe, V1Container container, ContainerProcess process, string host, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, probe.TimeoutSeconds ?? 1)));
        try
        {
            return probe switch
            {
                { Exec: { } exec } => await ExecAsync(process, exec.Command, timeout.Token).ConfigureAwait(false),
                { TcpSocket: { } tcp } => await TcpAsync(tcp.Host ?? host, Port(tcp.Port, container), timeout.Token).ConfigureAwait(false),
                { HttpGet: { } http } => await HttpAsync(http, http.Host ?? host, Port(http.Port, container), timeout.Token).ConfigureAwait(false),
                _ => true,
            };
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or HttpRequestException or InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<bool> ExecAsync(ContainerProcess process, IList<string> command, CancellationToken cancellationToken)
    {
        var argv = process.ExecArgv([.. command]);
        var info = new ProcessStartInfo(argv[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Clear();
        foreach (var (name, value) in process.Environment)
        {
            info.Environment[name] = value;
        }

        using var probe = Process.Start(info)!;
        try
        {
            await probe.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return probe.ExitCode == 0;
        }
        catch (OperationCanceledException)
        {
            probe.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static async Task<bool> TcpAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<bool> HttpAsync(V1HTTPGetAction get, string host, int port, CancellationToken cancellationToken)
    {
        var scheme = get.Scheme?.ToLowerInvariant() == "https" ? "https" : "http";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{scheme}://{host}:{port.ToString(CultureInfo.InvariantCulture)}{get.Path ?? "/"}");
        foreach (var header in get.HttpHeaders ?? [])
        {
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }

        request.Headers.UserAgent.ParseAdd("kube-probe/1.32");
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return (int)response.StatusCode is >= 200 and < 400;
    }

    // A port is a number, or the name of one of the container's ports.
    private static int Port(IntOrString port, V1Container container) =>
        int.TryParse(port.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : container.Ports?.FirstOrDefault(p => p.Name == port.Value)?.ContainerPort ?? throw new InvalidOperationException($"no container port named {port.Value}");
}
