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
        foreach (var file in Directory.GetFiles(FindCrds(), "*.yaml"))
        {
            await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file)));
        }

        await WaitUntilAsync(async () => (await Client.ApiextensionsV1.ListCustomResourceDefinitionAsync()).Items
            .All(crd => crd.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true), "CRDs established");
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

    /// <summary>Polls until the condition holds; the 20 s bound is only a hang guard.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"gave up waiting for {what}");
            }

            await Task.Delay(25);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static string FindCrds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var crds = Path.Combine(dir.FullName, "crds");
            if (Directory.Exists(crds) && File.Exists(Path.Combine(dir.FullName, "VmAddon.sln")))
            {
                return crds;
            }
        }

        throw new DirectoryNotFoundException("no crds/ above " + AppContext.BaseDirectory);
    }
}
