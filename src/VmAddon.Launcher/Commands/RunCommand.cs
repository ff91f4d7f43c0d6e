using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmAddon.Core.Launcher.Plan;
using VmAddon.Launcher.CloudInit;
using VmAddon.Launcher.Daemon;
using VmAddon.Launcher.Disks;
using VmAddon.Launcher.Guest;
using VmAddon.Launcher.GuestConsole;
using VmAddon.Launcher.Hosting;
using VmAddon.Launcher.Logging;

namespace VmAddon.Launcher.Commands;

/// <summary>
/// <c>vmaddon-launcher [plan] [--runtime-dir DIR] [--serial-log FILE]</c>: the launcher Pod's entrypoint, run on the
/// generic host so SIGTERM becomes an orderly stop.
/// </summary>
internal static class RunCommand
{
    /// <summary>Time for libvirtd to stop and the last log lines to flush after the guest's grace period.</summary>
    private static readonly TimeSpan s_shutdownMargin = TimeSpan.FromSeconds(30);

    public static RootCommand Build(LauncherStreams streams)
    {
        var ns = Single(LauncherPlan.NamespaceFlag, "The VMI's namespace.");
        var name = Single(LauncherPlan.NameFlag, "The VMI's name.");
        var uid = Single(LauncherPlan.UidFlag, "The VMI's uid.");
        var grace = Single(LauncherPlan.GracePeriodFlag, "Seconds the guest gets to shut down on SIGTERM before it is destroyed.");
        var containerDisks = Repeated(LauncherPlan.ContainerDiskFlag, "OVERLAY=BACKING: create a qcow2 overlay over a containerDisk (BACKING is the disk file, or a directory holding only it).");
        var emptyDisks = Repeated(LauncherPlan.EmptyDiskFlag, "PATH=BYTES: create a sparse qcow2 disk of that size.");
        var seeds = Repeated(LauncherPlan.CloudInitFlag, "SOURCEDIR=ISO: build a NoCloud seed (label cidata) from meta-data, user-data and network-config in SOURCEDIR.");
        var hypervisor = new Option<string?>(LauncherPlan.HypervisorFlag)
        {
            Description = $"{LauncherPlan.QemuHypervisor} (default) runs libvirtd for the guest; {LauncherPlan.TestHypervisor} is density mode: no disks, no libvirtd, the agent simulates the domain.",
        };
        var runtimeDir = new Option<string?>("--runtime-dir")
        {
            Description = "libvirtd's XDG_RUNTIME_DIR, where its socket appears (default: $XDG_RUNTIME_DIR).",
        };
        var serialLog = new Option<string?>("--serial-log")
        {
            Description = $"The guest's serial log, streamed to stdout (default: {new LauncherOptions().SerialLogPath}).",
        };
        var root = new RootCommand("vmaddon-launcher: the launcher Pod's entrypoint. Prepares the VM's disks, runs a session libvirtd for the agent, streams the guest console to stdout, and shuts the guest down on SIGTERM.")
        {
            ns, name, uid, grace, hypervisor, containerDisks, emptyDisks, seeds, runtimeDir, serialLog,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            var planArguments = new List<string>();
            foreach (var option in new[] { ns, name, uid, grace, hypervisor })
            {
                if (parse.GetValue(option) is { } value)
                {
                    planArguments.AddRange([option.Name, value]);
                }
            }

            foreach (var option in new[] { containerDisks, emptyDisks, seeds })
            {
                foreach (var value in parse.GetValue(option) ?? [])
                {
                    planArguments.AddRange([option.Name, value]);
                }
            }

            LauncherPlan plan;
            try
            {
                plan = LauncherPlan.Parse(planArguments);
            }
            catch (FormatException e)
            {
                await streams.Error.WriteLineAsync($"error: {e.Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var options = new LauncherOptions
            {
                Plan = plan,
                RuntimeDir = parse.GetValue(runtimeDir) ?? Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") ?? "",
                ConfigHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") ?? "",
                CacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") ?? "",
            };
            if (parse.GetValue(serialLog) is { } serialLogPath)
            {
                options.SerialLogPath = serialLogPath;
            }

            return await RunHostAsync(options, streams, cancellationToken).ConfigureAwait(false);
        });
        return root;
    }

    private static async Task<int> RunHostAsync(LauncherOptions values, LauncherStreams streams, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        LauncherLogging.Configure(builder.Logging);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = values.GracePeriod + values.DaemonStopTimeout + s_shutdownMargin);
        builder.Services.AddSingleton<IValidateOptions<LauncherOptions>, LauncherOptionsValidator>();
        builder.Services.AddOptions<LauncherOptions>()
            .Configure(options =>
            {
                options.Plan = values.Plan;
                options.RuntimeDir = values.RuntimeDir;
                options.ConfigHome = values.ConfigHome;
                options.CacheHome = values.CacheHome;
                options.SerialLogPath = values.SerialLogPath;
            })
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LauncherExitCode>();
        builder.Services.AddSingleton<SeedImageBuilder>();
        builder.Services.AddSingleton<DiskPreparer>();
        builder.Services.AddSingleton<LibvirtDaemon>();
        builder.Services.AddSingleton<SerialLogFollower>();
        builder.Services.AddSingleton<IGuestStopper, LibvirtGuestStopper>();
        builder.Services.AddHostedService<LauncherService>();

        using var host = builder.Build();
        var exitCode = host.Services.GetRequiredService<LauncherExitCode>();
        var logger = host.Services.GetRequiredService<ILogger<LauncherService>>();
        var plan = values.Plan!;
        using var scope = logger.BeginInstanceScope(plan.Name, plan.Namespace, plan.Uid);
        try
        {
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await streams.Error.WriteLineAsync($"error: {failure}".AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        return exitCode.Value;
    }

    private static Option<string?> Single(string name, string description) => new(name) { Description = description, Required = true };

    private static Option<string[]> Repeated(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.ZeroOrMore };
}
