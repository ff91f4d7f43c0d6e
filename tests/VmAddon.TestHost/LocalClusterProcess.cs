using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VmAddon.TestHost;

/// <summary>A real `vmaddon-dev up` process with its own port, directory and node numbers, driven as a user would.</summary>
public sealed class LocalClusterProcess : IAsyncDisposable
{
    private readonly DotnetProgram _process;

    private LocalClusterProcess(string directory, DotnetProgram process)
    {
        Directory = directory;
        _process = process;
    }

    public string Directory { get; }

    public Kubectl Kubectl => new(Path.Combine(Directory, "kubeconfig"));

    public string Output => _process.Output;

    public int Pid => _process.Pid;

    /// <summary>The nodes <see cref="StartAsync"/> makes unless told otherwise: node-a (labelled disk=ssd) and node-b.</summary>
    public const string TwoSmallNodes = """
        - name: node-a
          cpu: "2"
          labels: {disk: ssd}
        - name: node-b
          cpu: "2"
        """;

    /// <summary>
    /// Starts a cluster whose nodes (a YAML sequence, as in the cluster config's <c>nodes</c>) default to
    /// <see cref="TwoSmallNodes"/>, and waits until every node is Ready. Node indexes pick the nodes' bridges and pod
    /// networks, so clusters that may run at once need distinct <paramref name="firstNodeIndex"/> ranges.
    /// </summary>
    public static async Task<LocalClusterProcess> StartAsync(int firstNodeIndex, double nodeMonitorGraceSeconds = 40, string nodes = TwoSmallNodes)
    {
        Prerequisites.Require();
        var directory = System.IO.Directory.CreateTempSubdirectory("vmaddon-cluster-").FullName;
        var config = Path.Combine(directory, "config.yaml");
        await File.WriteAllTextAsync(config, $"""
            apiServer:
              listen: 127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}
            firstNodeIndex: {firstNodeIndex.ToString(CultureInfo.InvariantCulture)}
            nodeMonitorGracePeriodSeconds: {nodeMonitorGraceSeconds.ToString(CultureInfo.InvariantCulture)}
            nodes:
            {nodes}
            """);
        var cluster = new LocalClusterProcess(directory, DotnetProgram.Start("vmaddon-dev", ["up", "--dir", directory, "--config", config]));
        await cluster._process.WaitForOutputAsync("the local cluster is up", TimeSpan.FromSeconds(60));
        return cluster;
    }

    /// <summary>Runs another vmaddon-dev command (node stop, node start, down) against this cluster; returns its output.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        var (code, output) = await HostCommand.TryRunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "vmaddon-dev.dll"), .. args, "--dir", Directory]);
        return code == 0 ? output : throw new InvalidOperationException($"vmaddon-dev {string.Join(' ', args)} exited {code}: {output}");
    }

    /// <summary>Ctrl-C, as a user stops up.</summary>
    public Task<int> InterruptAsync() => _process.StopAsync("INT", TimeSpan.FromSeconds(90));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await InterruptAsync();
        }

        await _process.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
