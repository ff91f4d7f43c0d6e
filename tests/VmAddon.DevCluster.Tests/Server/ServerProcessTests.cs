using System.Diagnostics;
using k8s;
using k8s.Models;

namespace VmAddon.DevCluster.Tests.Server;

/// <summary>The vmaddon-dev api process itself: kubeconfig, request log, clean stop on SIGTERM and SIGINT, and restart from --data-dir.</summary>
public sealed class ServerProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vmaddon-dev-process-").FullName;

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task It_serves_logs_each_request_and_stops_cleanly_on_a_signal(string signal)
    {
        var kubeconfig = Path.Combine(_directory, signal, "kubeconfig");
        using var process = Start(kubeconfig, dataDir: null);
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(await WaitForAsync(kubeconfig)));

        var namespaces = await client.CoreV1.ListNamespaceAsync();
        await Signal(process, signal);
        var exited = await ExitAsync(process);

        namespaces.Items.Select(n => n.Metadata.Name).Should().Contain(["default", "kube-system", "kube-public", "kube-node-lease"]);
        exited.Code.Should().Be(0, exited.Output);
        exited.Output.Should().MatchRegex("request verb=GET path=/api/v1/namespaces query=\\?watch=false status=200 durationMs=[0-9.]+");
        exited.Output.Should().Contain("vmaddon-dev api: stopped");
    }

    [Fact]
    public async Task SIGINT_stops_it_even_when_started_with_SIGINT_ignored_as_a_script_starts_background_jobs()
    {
        var kubeconfig = Path.Combine(_directory, "ignored", "kubeconfig");
        using var process = Start(kubeconfig, dataDir: null, interruptIgnored: true);
        await WaitForAsync(kubeconfig);

        await Signal(process, "INT");
        var exited = await ExitAsync(process);

        exited.Code.Should().Be(0, exited.Output);
        exited.Output.Should().Contain("vmaddon-dev api: stopped");
    }

    [Fact]
    public async Task With_a_data_dir_objects_survive_a_restart_with_their_resource_versions()
    {
        var data = Path.Combine(_directory, "data");
        var first = Path.Combine(_directory, "first", "kubeconfig");
        V1ConfigMap created;
        string listVersion;
        using (var process = Start(first, data))
        {
            using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(await WaitForAsync(first)));
            created = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "kept" }, Data = new Dictionary<string, string> { ["a"] = "1" } }, "default");
            listVersion = (await client.CoreV1.ListNamespacedConfigMapAsync("default")).Metadata.ResourceVersion;
            await Signal(process, "TERM");
            (await ExitAsync(process)).Code.Should().Be(0);
        }

        var second = Path.Combine(_directory, "second", "kubeconfig");
        using var restarted = Start(second, data);
        using var again = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(await WaitForAsync(second)));
        var read = await again.CoreV1.ReadNamespacedConfigMapAsync("kept", "default");
        var next = await again.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "next" } }, "default");
        await Signal(restarted, "TERM");
        await ExitAsync(restarted);

        read.Metadata.ResourceVersion.Should().Be(created.Metadata.ResourceVersion);
        read.Metadata.Uid.Should().Be(created.Metadata.Uid);
        read.Data.Should().Equal(new Dictionary<string, string> { ["a"] = "1" });
        long.Parse(next.Metadata.ResourceVersion).Should().BeGreaterThan(long.Parse(listVersion), "resourceVersions keep rising across restarts");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Process Start(string kubeconfig, string? dataDir, bool interruptIgnored = false)
    {
        // perl (essential on Debian) ignores SIGINT and execs: the disposition survives exec, as under `cmd &` in a script.
        var info = new ProcessStartInfo(interruptIgnored ? "perl" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (interruptIgnored)
        {
            foreach (var argument in (string[])["-e", "$SIG{INT} = 'IGNORE'; exec @ARGV or die \"exec: $!\"", "dotnet"])
            {
                info.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "vmaddon-dev.dll"), "api", "--listen", "127.0.0.1:0", "--kubeconfig", kubeconfig, "--log-level", "Debug"])
        {
            info.ArgumentList.Add(argument);
        }

        if (dataDir is not null)
        {
            info.ArgumentList.Add("--data-dir");
            info.ArgumentList.Add(dataDir);
        }

        return Process.Start(info)!;
    }

    private static async Task<string> WaitForAsync(string kubeconfig)
    {
        await Eventually.UntilAsync(() => Task.FromResult(File.Exists(kubeconfig)), $"vmaddon-dev to write {kubeconfig}");
        return kubeconfig;
    }

    private static async Task Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {process.Id}");
        await kill.WaitForExitAsync();
    }

    private static async Task<(int Code, string Output)> ExitAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
            throw new TimeoutException($"vmaddon-dev did not stop within 20 s of the signal; killed it. Its output:\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }
}
