using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmAddon.Core.Launcher.Plan;
using VmAddon.Launcher.Daemon;
using VmAddon.Launcher.Disks;
using VmAddon.Launcher.Guest;
using VmAddon.Launcher.GuestConsole;
using VmAddon.Launcher.Logging;
using VmAddon.Launcher.Native;

namespace VmAddon.Launcher.Hosting;

/// <summary>
/// The pod's life: prepare the disks, run libvirtd, report ready, stream the guest console, and fail the pod when
/// libvirtd dies. On SIGTERM the host stops it: the guest is shut down, then libvirtd.
/// </summary>
internal sealed class LauncherService(
    IOptions<LauncherOptions> options,
    DiskPreparer disks,
    LibvirtDaemon daemon,
    SerialLogFollower serialLog,
    IGuestStopper guest,
    LauncherExitCode exitCode,
    IHostApplicationLifetime lifetime,
    ILogger<LauncherService> logger) : BackgroundService
{
    private readonly LauncherOptions _options = options.Value;
    private readonly CancellationTokenSource _consoleStop = new();
    private Task _console = Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A restarted container must not look ready before its new daemon answers.
            DeleteReadyMarker();
            if (!OrphanReaper.Start())
            {
                logger.NotSubreaper();
            }

            if (_options.Plan!.Hypervisor == LauncherPlan.TestHypervisor)
            {
                // Density mode: nothing to prepare and no daemon; the agent simulates the domain. Ready until SIGTERM.
                await WriteReadyMarkerAsync(0, stoppingToken).ConfigureAwait(false);
                logger.DensityMode(_options.ReadyMarkerPath);
                await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
                return;
            }

            await disks.PrepareAsync(_options.Plan!, stoppingToken).ConfigureAwait(false);
            daemon.Start();
            await daemon.WaitUntilAnsweringAsync(stoppingToken).ConfigureAwait(false);
            await WriteReadyMarkerAsync(daemon.ProcessId, stoppingToken).ConfigureAwait(false);
            logger.Ready(_options.SocketPath, _options.ReadyMarkerPath);

            // The guest console is the only thing written to stdout; logs go to stderr.
            _console = serialLog.FollowAsync(Console.OpenStandardOutput(), _consoleStop.Token);
            await daemon.Exited.WaitAsync(stoppingToken).ConfigureAwait(false);
            logger.DaemonDied(daemon.ExitCode, daemon.LastOutput());
            Fail();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // SIGTERM: StopAsync takes it from here.
        }
        catch (Exception e) when (e is LauncherException or IOException or UnauthorizedAccessException)
        {
            logger.LauncherFailed(e.Message);
            Fail();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        DeleteReadyMarker();
        try
        {
            if (daemon.IsRunning)
            {
                await guest.StopAsync(_options.GracePeriod, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is LauncherException or IOException)
        {
            // The guest could not be stopped gracefully; stopping libvirtd below still takes QEMU down.
            logger.LauncherFailed(e.Message);
        }
        finally
        {
            await daemon.StopAsync(cancellationToken).ConfigureAwait(false);
            await _consoleStop.CancelAsync().ConfigureAwait(false);
            await _console.ConfigureAwait(false);
        }

        logger.Stopped();
    }

    public override void Dispose()
    {
        _consoleStop.Dispose();
        base.Dispose();
    }

    /// <summary>Written aside and renamed, so whoever sees the marker also sees its content (libvirtd's pid, 0 for none).</summary>
    private async Task WriteReadyMarkerAsync(int daemonPid, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_options.ReadyMarkerPath)!);
        await File.WriteAllTextAsync(_options.ReadyMarkerPath + ".partial", $"{daemonPid}\n", cancellationToken).ConfigureAwait(false);
        File.Move(_options.ReadyMarkerPath + ".partial", _options.ReadyMarkerPath, overwrite: true);
    }

    private void DeleteReadyMarker()
    {
        if (File.Exists(_options.ReadyMarkerPath))
        {
            File.Delete(_options.ReadyMarkerPath);
        }
    }

    private void Fail()
    {
        exitCode.Fail();
        lifetime.StopApplication();
    }
}
