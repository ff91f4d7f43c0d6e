using System.Net;
using System.Net.Sockets;
using VmAddon.Agent.Tests.Support;

namespace VmAddon.Agent.Tests;

/// <summary>--metrics-listen serves /healthz, /readyz once the caches have synced, and /metrics with the agent's reconciles.</summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private AgentCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await AgentCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task The_agent_serves_health_readiness_and_metrics()
    {
        var port = FreePort();
        await using var agent = InProcessAgent.Start(_cluster.AgentArgs("--metrics-listen", $"127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await _cluster.ScheduleAsync("metered", "10.244.0.20");
        await _cluster.WaitForAsync("metered", v => v.Status?.Phase == VmAddon.Api.VirtualMachineInstancePhase.Running, "Running");

        await Eventually.UntilAsync(async () => await StatusAsync(http, "readyz") == HttpStatusCode.OK, "/readyz to answer 200");
        var metrics = await http.GetStringAsync("metrics");

        (await StatusAsync(http, "healthz")).Should().Be(HttpStatusCode.OK);
        metrics.Should().Contain("vmaddon_reconcile_total").And.Contain("controller=\"agent\"");
    }

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
