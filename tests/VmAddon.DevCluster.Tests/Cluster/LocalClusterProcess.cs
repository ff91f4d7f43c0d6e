using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VmAddon.DevCluster.Tests.Server;

namespace VmAddon.DevCluster.Tests.Cluster;

/// <summary>A real `vmaddon-dev up` process with its own port, directory and node numbers, driven as a user would.</summary>
public sealed class LocalClusterProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LocalClusterProcess(string directory, Process process)
    {
        Directory = directory;
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Directory { get; }

    public Kubectl Kubectl => new(Path.Combine(Directory, "kubeconfig"));

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int Pid => _process.Id;

    /// <summary>Starts a cluster of two nodes, node-a (labelled disk=ssd) and node-b, and waits until both are Ready.</summary>
    public static async Task<LocalClusterProcess> StartAsync(int firstNodeIndex, double nodeMonitorGraceSeconds = 40)
    {
        TestHost.Prerequisites.Require();
        var directory = System.IO.Directory.CreateTempSubdirectory("vmaddon-cluster-").FullName;
        var config = Path.Combine(directory, "config.yaml");
        await File.WriteAllTextAsync(config, $"""
            apiServer:
              listen: 127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}
            firstNodeIndex: {firstNodeIndex.ToString(CultureInfo.InvariantCulture)}
            nodeMonitorGracePeriodSeconds: {nodeMonitorGraceSeconds.ToString(CultureInfo.InvariantCulture)}
            nodes:
            - name: node-a
              cpu: "2"
              labels: {"{disk: ssd}"}
            - name: node-b
              cpu: "2"
            """);
        var process = Process.Start(Command("up", "--dir", directory, "--config", config))!;
        var cluster = new LocalClusterProcess(directory, process);
        await Eventually.UntilAsync(() => Task.FromResult(cluster.Output.Contains("the local cluster is up", StringComparison.Ordinal) || process.HasExited),
            "vmaddon-dev up to start");
        return process.HasExited ? throw new InvalidOperationException($"vmaddon-dev up exited {process.ExitCode}:\n{cluster.Output}") : cluster;
    }

    /// <summary>Runs another vmaddon-dev command (node stop, node start, down) against this cluster.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        using var process = Process.Start(Command([.. args, "--dir", Directory]))!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"vmaddon-dev {string.Join(' ', args)} exited {process.ExitCode}: {error}");
    }

    /// <summary>Ctrl-C, as a user stops up.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = Process.Start("kill", $"-INT {_process.Id.ToString(CultureInfo.InvariantCulture)}"))
        {
            await kill.WaitForExitAsync();
        }

        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(guard.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await InterruptAsync();
        }

        _process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static ProcessStartInfo Command(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vmaddon-dev.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
