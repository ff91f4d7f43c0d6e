using k8s;
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
            // A cancelled watch must close at once, not drain for 2 s, or stopping the server waits on it.
            FirstMessageHandlerSetup = h =>
            {
                if (h is SocketsHttpHandler sockets)
                {
                    sockets.MaxResponseDrainSize = 0;
                }
            },
        });
        return new DevApiServer(server, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
