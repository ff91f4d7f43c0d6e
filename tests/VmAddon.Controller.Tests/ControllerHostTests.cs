using System.Diagnostics;
using System.Text.RegularExpressions;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using VmAddon.Api;
using VmAddon.Controller.Hosting;
using VmAddon.Controller.Tests.Support;
using VmAddon.TestHost;

namespace VmAddon.Controller.Tests;

/// <summary>The vmaddon-controller host: its command line, leader election between replicas, metrics, and a clean stop on SIGTERM.</summary>
public sealed partial class ControllerHostTests : ClusterTest
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "vmaddon-controller");

    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--workers", "many")]
    [InlineData("--metrics-listen", "nowhere")]
    [InlineData("--node-monitor-timeout", "soon")]
    [InlineData("--kubeconfig", "/no/such/kubeconfig")]
    [InlineData("--kubeconfig", "/dev/null")]
    [InlineData("--no-such-option", "x")]
    public async Task A_bad_option_is_one_line_naming_it_and_exit_code_2(string option, string value)
    {
        var (exitCode, output) = await HostCommand.TryRunAsync(Executable, option, value);

        exitCode.Should().Be(2);
        output.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain(option);
    }

    [Fact]
    public async Task Of_two_replicas_only_the_leader_acts_and_the_other_takes_over_when_it_stops()
    {
        var options = new ControllerOptions { Lease = new LeaseTimings(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(0.25)) };
        var first = new ControllerRuntime(Cluster.Client, options, TimeProvider.System, NullLoggerFactory.Instance);
        var second = new ControllerRuntime(Cluster.Client, options, TimeProvider.System, NullLoggerFactory.Instance);
        using var stopFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();
        var firstRun = first.RunAsync(stopFirst.Token);
        await Eventually.UntilAsync(() => first.IsLeader, "the first replica to lead");
        var secondRun = second.RunAsync(stopSecond.Token);

        await Cluster.Clients.VirtualMachines.CreateAsync(TestCluster.Vm("one", RunStrategy.Always), CancellationToken.None);
        await Cluster.PhaseAsync("one", VirtualMachineInstancePhase.Scheduling);
        var lease = await Cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync(ControllerOptions.LeaseName, "default");
        var secondWasIdle = !second.IsLeader && second.IsReady;
        await stopFirst.CancelAsync();
        var firstStoppedCleanly = await firstRun;
        await Eventually.UntilAsync(() => second.IsLeader, "the second replica to take over");
        await Cluster.Clients.VirtualMachines.CreateAsync(TestCluster.Vm("two", RunStrategy.Always), CancellationToken.None);
        await Cluster.PhaseAsync("two", VirtualMachineInstancePhase.Scheduling);
        await stopSecond.CancelAsync();
        await secondRun;

        lease.Spec.HolderIdentity.Should().Be(first.Identity);
        secondWasIdle.Should().BeTrue("a standby replica does nothing but wait for the lease");
        firstStoppedCleanly.Should().BeTrue();
    }

    [Fact]
    public async Task A_leader_whose_lease_is_taken_stops_and_says_so_so_the_process_can_exit()
    {
        var options = new ControllerOptions { Lease = new LeaseTimings(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(0.25)) };
        var runtime = new ControllerRuntime(Cluster.Client, options, TimeProvider.System, NullLoggerFactory.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var run = runtime.RunAsync(stop.Token);
        await Eventually.UntilAsync(() => runtime.IsLeader, "the replica to lead");

        var lease = await Cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync(ControllerOptions.LeaseName, "default");
        lease.Spec.HolderIdentity = "someone-else";
        lease.Spec.LeaseDurationSeconds = 3600;
        await Cluster.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, ControllerOptions.LeaseName, "default");
        var stoppedCleanly = await run;

        stoppedCleanly.Should().BeFalse("leadership was lost, not given up");
        runtime.IsLeader.Should().BeFalse();
    }

    [Fact]
    public async Task The_process_runs_the_controllers_serves_metrics_and_releases_its_lease_on_SIGTERM()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"vmaddon-controller-test-{Guid.NewGuid():N}.yaml");
        DevCluster.Kubeconfig.Write(kubeconfig, Cluster.Server.BaseAddress);
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--kubeconfig", kubeconfig, "--metrics-listen", "127.0.0.1:0", "--software-emulation", "--workers", "1" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await Cluster.Clients.VirtualMachines.CreateAsync(TestCluster.Vm("proc", RunStrategy.Always), CancellationToken.None);
            var vmi = await Cluster.PhaseAsync("proc", VirtualMachineInstancePhase.Scheduling);
            var pod = await Cluster.LauncherAsync(vmi);
            Uri? metrics = null;
            await Eventually.UntilAsync(() => (metrics = log.Select(l => Serving().Match(l)).Where(m => m.Success).Select(m => new Uri(m.Groups[1].Value)).FirstOrDefault()) is not null,
                "the metrics address in the log");
            using var http = new HttpClient();
            var scrape = await http.GetStringAsync(new Uri(metrics!, "metrics"));
            var ready = await http.GetAsync(new Uri(metrics!, "readyz"));

            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term!.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            var lease = await Cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync(ControllerOptions.LeaseName, "default");

            process.ExitCode.Should().Be(0, string.Join("\n", log));
            lease.Spec.HolderIdentity.Should().BeNullOrEmpty("a replica stopping cleanly hands the lease on at once");
            ready.IsSuccessStatusCode.Should().BeTrue();
            (pod.Spec.Containers[0].Resources.Limits ?? new Dictionary<string, k8s.Models.ResourceQuantity>()).Keys.Should().NotContain(k => k.Contains("kvm"));
            scrape.Should().Contain("vmaddon_reconcile_total").And.Contain("controller=\"vmi\"");
            scrape.Should().Contain("vmaddon_vmi_phase_transition_seconds_bucket").And.Contain("phase=\"Scheduling\"");
            scrape.Should().Contain("vmaddon_api_requests_total").And.Contain("vmaddon_workqueue_depth");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            File.Delete(kubeconfig);
        }
    }

    [GeneratedRegex(@"serving /metrics, /healthz and /readyz at (\S+)")]
    private static partial Regex Serving();
}
