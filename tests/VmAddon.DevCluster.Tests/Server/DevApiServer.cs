using k8s;
using k8s.Models;
using VmAddon.DevCluster.Http;

namespace VmAddon.DevCluster.Tests.Server;

/// <summary>A dev API server on a free loopback port, with a kubeconfig on disk, a KubernetesClient, and our CRDs applied and established.</summary>
public sealed class DevApiServer : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vmaddon-dev-api-").FullName;

    public ApiServer Server { get; private set; } = null!;

    public Kubernetes Client { get; private set; } = null!;

    public string KubeconfigPath => Path.Combine(_directory, "kubeconfig");

    public Kubectl Kubectl => new(KubeconfigPath);

    public async Task InitializeAsync()
    {
        Server = await ApiServer.StartAsync(new ApiServerOptions { BookmarkInterval = TimeSpan.FromSeconds(1) });
        Kubeconfig.Write(KubeconfigPath, Server.BaseAddress);
        Client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));
        await DevApiCrds.ApplyAsync(Client);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A fresh namespace, so tests sharing the server do not see each other's objects.</summary>
    public async Task<string> NewNamespaceAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }
}
