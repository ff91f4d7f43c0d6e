using k8s;
using VmAddon.Kube.Clients;
using VmAddon.DevCluster.Http;

namespace VmAddon.Kube.Tests.Caching;

/// <summary>The in-process dev API server and a client for it over real HTTP.</summary>
internal sealed class DevApiServer : IAsyncDisposable
{
    private DevApiServer(ApiServer server, Kubernetes client)
    {
        Server = server;
        Client = client;
    }

    public ApiServer Server { get; }

    public Kubernetes Client { get; }

    public static async Task<DevApiServer> StartAsync(ApiServerOptions? options = null)
    {
        var server = await ApiServer.StartAsync(options ?? new ApiServerOptions());
        var client = new Kubernetes(new KubernetesClientConfiguration
        {
            Host = server.BaseAddress.ToString(),
            AccessToken = "x",
        }.CloseCancelledWatchesAtOnce());
        return new DevApiServer(server, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
