using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmAddon.Launcher.Hosting;
using VmAddon.Launcher.Logging;
using VmAddon.Launcher.Tools;

namespace VmAddon.Launcher.Guest;

/// <summary>
/// TEMPORARY: stops the guests through <c>virsh</c> (shutdown, domstate until shut off, destroy at the deadline).
/// It is replaced by a LibvirtSharp implementation of <see cref="IGuestStopper"/> when that binding is merged;
/// nothing else in the launcher talks to libvirt.
/// </summary>
internal sealed class VirshGuestStopper(IOptions<LauncherOptions> options, TimeProvider time, ILogger<VirshGuestStopper> logger) : IGuestStopper
{
    /// <summary>How often a shutting-down guest's state is read; its shutdown takes seconds.</summary>
    private static readonly TimeSpan s_statePollInterval = TimeSpan.FromMilliseconds(250);

    private readonly string _uri = $"qemu+unix:///session?socket={options.Value.SocketPath}";

    public async Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + gracePeriod;
        var list = await VirshAsync(["list", "--name", "--state-running", "--state-paused", "--state-other"], cancellationToken).ConfigureAwait(false);
        var running = list.ExitCode == 0
            ? list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [];
        foreach (var domain in running)
        {
            var shutdown = await VirshAsync(["shutdown", domain], cancellationToken).ConfigureAwait(false);
            logger.GuestShutdownRequested(domain, gracePeriod, shutdown.ExitCode == 0 ? "accepted" : shutdown.Reason);
        }

        while (running.Count > 0)
        {
            foreach (var domain in running.ToList())
            {
                var state = await VirshAsync(["domstate", domain], cancellationToken).ConfigureAwait(false);
                // A transient domain vanishes once off; either way it is no longer running.
                if (state.ExitCode != 0 || state.StandardOutput.Trim() == "shut off")
                {
                    logger.GuestShutOff(domain);
                    running.Remove(domain);
                }
            }

            if (running.Count == 0 || time.GetUtcNow() >= deadline)
            {
                break;
            }

            await Task.Delay(s_statePollInterval, time, cancellationToken).ConfigureAwait(false);
        }

        foreach (var domain in running)
        {
            var destroy = await VirshAsync(["destroy", domain], cancellationToken).ConfigureAwait(false);
            logger.GuestDestroyed(domain, gracePeriod, destroy.ExitCode == 0 ? "destroyed" : destroy.Reason);
        }
    }

    private Task<ProcessResult> VirshAsync(string[] arguments, CancellationToken cancellationToken) =>
        ToolRunner.RunAsync(ExternalTool.Virsh, ["-q", "-c", _uri, .. arguments], cancellationToken);
}
