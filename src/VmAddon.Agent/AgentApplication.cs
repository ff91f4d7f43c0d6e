using System.CommandLine;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VmAddon.Agent.Hosting;
using VmAddon.Agent.Logging;
using VmAddon.Kube.Clients;
using VmAddon.Kube.Metrics;

namespace VmAddon.Agent;

/// <summary><c>vmaddon-agent --node NAME [...]</c>: parses and checks the options, then runs the agent on the generic host until stopped.</summary>
internal static class AgentApplication
{
    /// <summary>Exit code of a bad command line.</summary>
    public const int UsageExitCode = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var node = new Option<string?>("--node") { Description = "The node this agent serves (required)." };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "The kubeconfig file (default: $KUBECONFIG, else the in-cluster service account)." };
        var kubeletRoot = new Option<string?>("--kubelet-root") { Description = "The kubelet's root directory, holding pods/UID/volumes (default: /var/lib/kubelet)." };
        var socketLinkDir = new Option<string?>("--socket-link-dir") { Description = "Where short links to launcher sockets with too long a path go (default: /run/vmaddon-agent)." };
        var hypervisor = new Option<string?>("--hypervisor") { Description = "qemu: each launcher pod's libvirtd (default); test: libvirt's test:///default driver for every VMI." };
        var emulation = new Option<string?>("--emulation") { Description = "auto: ask the launcher's probe-kvm once at startup (default); kvm; tcg." };
        var launcher = new Option<string?>("--launcher") { Description = "The launcher binary for --emulation auto (default: vmaddon-launcher)." };
        var metricsListen = new Option<string?>("--metrics-listen") { Description = "HOST:PORT for /metrics, /healthz and /readyz (default: none)." };
        var heartbeat = new Option<string?>("--heartbeat-interval") { Description = "How often the node's heartbeat is written, e.g. 30s (default: 30s)." };
        var workers = new Option<string?>("--workers") { Description = "Concurrent VMI reconciles (default: 4)." };
        var root = new RootCommand("vmaddon-agent: runs the VMs of one node through their launcher pods' libvirt daemons and reports their status.")
        {
            node, kubeconfig, kubeletRoot, socketLinkDir, hypervisor, emulation, launcher, metricsListen, heartbeat, workers,
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"error: {problem.Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            return UsageExitCode;
        }

        if (parse.Action is not null && parse.CommandResult.Command == root && args.Any(a => a is "--help" or "-h" or "-?" or "--version"))
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
        }

        var (options, errors) = AgentOptionsParser.Parse(new AgentArguments(
            parse.GetValue(node), parse.GetValue(kubeconfig), parse.GetValue(kubeletRoot), parse.GetValue(socketLinkDir), parse.GetValue(hypervisor), parse.GetValue(emulation),
            parse.GetValue(launcher), parse.GetValue(metricsListen), parse.GetValue(heartbeat), parse.GetValue(workers)));
        if (options is null)
        {
            await error.WriteLineAsync(string.Join('\n', errors.Select(e => $"error: {e}")).AsMemory(), cancellationToken).ConfigureAwait(false);
            return UsageExitCode;
        }

        KubernetesClientConfiguration config;
        try
        {
            config = ClientConfig(options.Kubeconfig);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: --kubeconfig: {e.Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return UsageExitCode;
        }

        return await RunHostAsync(options, config.CloseCancelledWatchesAtOnce(), cancellationToken).ConfigureAwait(false);
    }

    private static KubernetesClientConfiguration ClientConfig(string? kubeconfig)
    {
        var file = kubeconfig ?? Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(file))
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(file);
        }

        if (!KubernetesClientConfiguration.IsInCluster())
        {
            throw new k8s.Exceptions.KubeConfigException("not given, $KUBECONFIG is not set, and this is not a pod in a cluster");
        }

        return KubernetesClientConfiguration.InClusterConfig();
    }

    private static async Task<int> RunHostAsync(AgentOptions options, KubernetesClientConfiguration config, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        AgentLogging.Configure(builder.Logging);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AgentExitCode>();
        builder.Services.AddSingleton<VmAddonMetrics>(_ => new VmAddonMetrics());
        builder.Services.AddSingleton<IKubernetes>(services => new Kubernetes(config, new ApiRequestMetricsHandler(services.GetRequiredService<VmAddonMetrics>())));
        builder.Services.AddHostedService<AgentService>();
        using var host = builder.Build();
        var exitCode = host.Services.GetRequiredService<AgentExitCode>();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return exitCode.Value;
    }
}
