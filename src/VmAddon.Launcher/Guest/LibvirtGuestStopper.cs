using LibvirtSharp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmAddon.Launcher.Hosting;
using VmAddon.Launcher.Logging;

namespace VmAddon.Launcher.Guest;

/// <summary>
/// Stops the pod's guests through its own libvirtd: an ACPI power-button press for each running domain, then
/// a wait for their Stopped events until the grace period ends, then destroy for whatever still runs.
/// </summary>
internal sealed class LibvirtGuestStopper(IOptions<LauncherOptions> options, ILogger<LibvirtGuestStopper> logger) : IGuestStopper
{
    private readonly string _uri = $"qemu+unix:///session?socket={options.Value.SocketPath}";

    public async Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        using var connection = await LibvirtConnection.OpenAsync(_uri, cancellationToken).ConfigureAwait(false);
        using var events = connection.SubscribeLifecycleEvents();
        var running = await connection.ListDomainsAsync(DomainListFilter.Active, cancellationToken).ConfigureAwait(false);
        var remaining = running.ToDictionary(d => d.Name, StringComparer.Ordinal);
        try
        {
            foreach (var domain in running)
            {
                var result = await TryAsync(() => domain.ShutdownAsync(DomainShutdownMethods.AcpiPowerButton, cancellationToken), "accepted").ConfigureAwait(false);
                logger.GuestShutdownRequested(domain.Name, gracePeriod, result);
            }

            await WaitForShutoffAsync(events, remaining, gracePeriod, cancellationToken).ConfigureAwait(false);
            foreach (var domain in remaining.Values)
            {
                var result = await TryAsync(() => domain.DestroyAsync(graceful: false, cancellationToken), "destroyed").ConfigureAwait(false);
                logger.GuestDestroyed(domain.Name, gracePeriod, result);
            }
        }
        finally
        {
            foreach (var domain in running)
            {
                domain.Dispose();
            }
        }
    }

    private async Task WaitForShutoffAsync(DomainLifecycleSubscription events, Dictionary<string, LibvirtDomain> remaining, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(gracePeriod);
        try
        {
            // A guest may already be off before the subscription saw it go, so each round rereads the states.
            while (remaining.Count > 0)
            {
                foreach (var (name, domain) in remaining.ToList())
                {
                    var state = await TryStateAsync(domain, deadline.Token).ConfigureAwait(false);
                    if (state is null or DomainState.Shutoff)
                    {
                        logger.GuestShutOff(name);
                        remaining.Remove(name);
                    }
                }

                if (remaining.Count > 0)
                {
                    await events.WaitForAsync(e => e.Type == DomainEventType.Stopped && remaining.ContainsKey(e.DomainName), deadline.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The grace period is over; the caller destroys what is left.
        }

    }

    /// <summary>The domain's state, or null once libvirt no longer knows it (a transient domain vanishes when off).</summary>
    private static async Task<DomainState?> TryStateAsync(LibvirtDomain domain, CancellationToken cancellationToken)
    {
        try
        {
            return (await domain.GetStateAsync(cancellationToken).ConfigureAwait(false)).State;
        }
        catch (LibvirtException e) when (e.Code == LibvirtErrorCode.NoDomain)
        {
            return null;
        }
    }

    /// <summary>Runs a libvirt call and says how it went, for the log: <paramref name="success"/>, or libvirt's error.</summary>
    private static async Task<string> TryAsync(Func<Task> action, string success)
    {
        try
        {
            await action().ConfigureAwait(false);
            return success;
        }
        catch (LibvirtException e)
        {
            return e.Message;
        }
    }
}
