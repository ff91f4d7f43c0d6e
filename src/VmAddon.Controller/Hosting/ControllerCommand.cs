using System.CommandLine;
using System.Net;
using k8s;
using k8s.Exceptions;
using VmAddon.Controller.Nodes;
using VmAddon.Core.Text;
using VmAddon.Core.Launcher.Plan;

namespace VmAddon.Controller.Hosting;

/// <summary>
/// <c>vmaddon-controller [--kubeconfig FILE] [--metrics-listen HOST:PORT] [--leader-elect=BOOL]
/// [--leader-election-namespace NS] [--node-monitor-timeout DURATION] [--heartbeat-timeout DURATION]
/// [--software-emulation] [--launcher-hypervisor qemu|test] [--workers N] [--launcher-image IMAGE]</c>. A bad option is one line on stderr naming it, and exit code 2.
/// </summary>
internal static class ControllerCommand
{
    public const int UsageExitCode = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var defaults = new ControllerOptions();
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "The kubeconfig file (default: $KUBECONFIG, else the in-cluster service account)." };
        var metricsListen = new Option<string>("--metrics-listen")
        {
            Description = "HOST:PORT for /metrics, /healthz and /readyz; port 0 picks a free one.",
            DefaultValueFactory = _ => defaults.MetricsListen.ToString(),
        };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Compete for the Lease before acting; false runs the controllers at once.", DefaultValueFactory = _ => true };
        var leaseNamespace = new Option<string>("--leader-election-namespace")
        {
            Description = $"The namespace of the Lease {ControllerOptions.LeaseName}.",
            DefaultValueFactory = _ => defaults.LeaderElectionNamespace,
        };
        var nodeMonitorTimeout = new Option<string>("--node-monitor-timeout")
        {
            Description = "How long a node may be NotReady before its VMIs are fenced.",
            DefaultValueFactory = _ => "40s",
        };
        var heartbeatTimeout = new Option<string>("--heartbeat-timeout")
        {
            Description = "How old an agent heartbeat may get before its node takes no new VMs.",
            DefaultValueFactory = _ => "2m",
        };
        var softwareEmulation = new Option<bool>("--software-emulation") { Description = "Run guests under TCG: launcher pods request no /dev/kvm." };
        var launcherHypervisor = new Option<string>("--launcher-hypervisor")
        {
            Description = "qemu (default) for real guests; test for density runs, where launchers start no libvirtd and agents use libvirt's test driver (implies --software-emulation).",
            DefaultValueFactory = _ => LauncherPlan.QemuHypervisor,
        };
        var workers = new Option<int>("--workers") { Description = "Workers per controller.", DefaultValueFactory = _ => defaults.Workers };
        var launcherImage = new Option<string?>("--launcher-image") { Description = $"The launcher image (default {defaults.Launcher.EffectiveImage})." };
        var root = new RootCommand("vmaddon-controller: reconciles VirtualMachines into instances and launcher pods, and fences VMs of lost nodes.")
        {
            kubeconfig, metricsListen, leaderElect, leaseNamespace, nodeMonitorTimeout, heartbeatTimeout, softwareEmulation, launcherHypervisor, workers, launcherImage,
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"error: {parse.Errors[0].Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return UsageExitCode;
        }

        if (parse.Action is not null && parse.CommandResult.Command == root && (args.Contains("--help") || args.Contains("-h") || args.Contains("--version")))
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
        }

        string? problem = null;
        if (!TryEndpoint(parse.GetValue(metricsListen)!, out var endpoint))
        {
            problem = $"--metrics-listen: \"{parse.GetValue(metricsListen)}\" is not HOST:PORT";
        }
        else if (!GoDuration.TryParse(parse.GetValue(nodeMonitorTimeout)!, out var monitor))
        {
            problem = $"--node-monitor-timeout: \"{parse.GetValue(nodeMonitorTimeout)}\" is not a duration such as 40s or 2m";
        }
        else if (!GoDuration.TryParse(parse.GetValue(heartbeatTimeout)!, out var heartbeat))
        {
            problem = $"--heartbeat-timeout: \"{parse.GetValue(heartbeatTimeout)}\" is not a duration such as 40s or 2m";
        }
        else if (parse.GetValue(launcherHypervisor) is not (LauncherPlan.QemuHypervisor or LauncherPlan.TestHypervisor))
        {
            problem = $"--launcher-hypervisor: \"{parse.GetValue(launcherHypervisor)}\" is not {LauncherPlan.QemuHypervisor} or {LauncherPlan.TestHypervisor}";
        }
        else
        {
            var options = new ControllerOptions
            {
                Kubeconfig = parse.GetValue(kubeconfig),
                MetricsListen = endpoint,
                LeaderElect = parse.GetValue(leaderElect),
                LeaderElectionNamespace = parse.GetValue(leaseNamespace)!,
                Nodes = new NodeControllerOptions { NodeMonitorTimeout = monitor, HeartbeatTimeout = heartbeat },
                Launcher = defaults.Launcher with
                {
                    SoftwareEmulation = parse.GetValue(softwareEmulation) || parse.GetValue(launcherHypervisor) == LauncherPlan.TestHypervisor,
                    Hypervisor = parse.GetValue(launcherHypervisor)!,
                    Image = parse.GetValue(launcherImage),
                },
                Workers = parse.GetValue(workers),
            };
            problem = options.Validate().FirstOrDefault();
            if (problem is null)
            {
                if (!TryConfiguration(options.Kubeconfig, out var configuration, out problem))
                {
                    await error.WriteLineAsync($"error: {problem}".AsMemory(), cancellationToken).ConfigureAwait(false);
                    return UsageExitCode;
                }

                return await ControllerHost.RunAsync(options, configuration, cancellationToken).ConfigureAwait(false);
            }
        }

        await error.WriteLineAsync($"error: {problem}".AsMemory(), cancellationToken).ConfigureAwait(false);
        return UsageExitCode;
    }

    // --kubeconfig, else $KUBECONFIG, else the pod's service account; a file that does not load is a bad option too.
    private static bool TryConfiguration(string? kubeconfig, out KubernetesClientConfiguration configuration, out string? problem)
    {
        var file = kubeconfig ?? Environment.GetEnvironmentVariable("KUBECONFIG");
        configuration = null!;
        problem = null;
        try
        {
            if (!string.IsNullOrEmpty(file))
            {
                configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(file);
                return true;
            }

            if (KubernetesClientConfiguration.IsInCluster())
            {
                configuration = KubernetesClientConfiguration.InClusterConfig();
                return true;
            }

            problem = "--kubeconfig: not given, $KUBECONFIG is unset, and this is not a pod in a cluster";
        }
        catch (Exception e) when (e is KubeConfigException or IOException or NullReferenceException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            // KubernetesClient fails on an empty file with a NullReferenceException.
            problem = $"--kubeconfig: {file} does not load: {e.Message}";
        }

        return false;
    }

    private static bool TryEndpoint(string text, out IPEndPoint endpoint)
    {
        // ":8443" means every address, as Go's listeners read it.
        return IPEndPoint.TryParse(text.StartsWith(':') ? "0.0.0.0" + text : text, out endpoint!) && text.Contains(':');
    }
}
