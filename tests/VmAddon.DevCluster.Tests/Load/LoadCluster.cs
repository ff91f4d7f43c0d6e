using System.Net.Sockets;
using k8s;
using k8s.Models;
using VmAddon.DevCluster.Http;

namespace VmAddon.DevCluster.Tests.Load;

/// <summary>vmaddon-dev on loopback with VmAddon's VirtualMachine CRD established and the namespaces a load run writes to; clients talk real HTTP.</summary>
internal sealed class LoadCluster : IAsyncDisposable
{
    private readonly ApiServer _server;
    private readonly List<Kubernetes> _clients = [];

    private LoadCluster(ApiServer server) => _server = server;

    public static async Task<LoadCluster> StartAsync(IEnumerable<string> namespaces, CancellationToken cancellationToken)
    {
        var cluster = new LoadCluster(await ApiServer.StartAsync(new ApiServerOptions(), cancellationToken: cancellationToken));
        try
        {
            var client = cluster.NewClient();
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(
                await File.ReadAllTextAsync(Path.Combine(Repository.Root, "crds", "virtualmachines.vmaddon.io.yaml"), cancellationToken));
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
            await WaitForEstablishedAsync(client, crd.Metadata.Name, cancellationToken);
            foreach (var ns in namespaces)
            {
                await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: cancellationToken);
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of its own (its own HttpClient and connections), as a separate program would have; disposed with the cluster.</summary>
    /// <param name="receiveBufferBytes">When given, a fixed TCP receive buffer, so a reader that stops reading holds back the server soon.</param>
    public Kubernetes NewClient(int? receiveBufferBytes = null)
    {
        var client = new Kubernetes(new KubernetesClientConfiguration
        {
            Host = _server.BaseAddress.ToString(),
            FirstMessageHandlerSetup = receiveBufferBytes is { } bytes ? handler => LimitReceiveBuffer(handler, bytes) : null,
        });
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }

        await _server.DisposeAsync();
    }

    // Linux grows a loopback socket's receive buffer to tens of MiB unless SO_RCVBUF is set, which fixes it.
    private static void LimitReceiveBuffer(HttpMessageHandler handler, int bytes)
    {
        if (handler is not SocketsHttpHandler sockets)
        {
            throw new InvalidOperationException($"KubernetesClient's handler is a {handler.GetType().Name}, not a SocketsHttpHandler");
        }

        sockets.ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = bytes };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
    }

    private static async Task WaitForEstablishedAsync(Kubernetes client, string name, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var crd = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: deadline.Token);
            if (crd.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }
}
