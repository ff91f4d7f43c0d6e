using k8s;
using k8s.Models;
using VmAddon.DevCluster.Http;

namespace VmAddon.Kube.Tests.Clients;

/// <summary>A dev API server over real HTTP with our CRDs applied and established.</summary>
public sealed class KubeCluster : IAsyncLifetime
{
    public ApiServer Server { get; private set; } = null!;

    public Kubernetes Client { get; private set; } = null!;

    public KubernetesClientConfiguration Config => new() { Host = Server.BaseAddress.ToString(), AccessToken = "x" };

    public async Task InitializeAsync()
    {
        Server = await ApiServer.StartAsync(new ApiServerOptions { BookmarkInterval = TimeSpan.FromMilliseconds(300) });
        Client = new Kubernetes(Config);
        await DevApiCrds.ApplyAsync(Client);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    public async Task<string> NewNamespaceAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }
}
