using LibvirtSharp;
using VmAddon.Agent.Libvirt;
using VmAddon.Core.Guests;

namespace VmAddon.Agent.Guests;

/// <summary>The libvirt side of a reconcile: what the domain's state is, and carrying out a <see cref="GuestAction"/>.</summary>
internal static class GuestDomains
{
    public static async Task<GuestDomainState> ObserveAsync(LibvirtConnection connection, string domainName, CancellationToken cancellationToken)
    {
        using var domain = await connection.FindDomainAsync(domainName, cancellationToken).ConfigureAwait(false);
        if (domain is null)
        {
            return GuestDomainState.Missing;
        }

        try
        {
            return DomainStates.From(await domain.GetStateAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (LibvirtException e) when (e.Code == LibvirtErrorCode.NoDomain)
        {
            return GuestDomainState.Missing; // undefined between the lookup and the state read
        }
    }

    /// <summary>
    /// Carries out <paramref name="action"/>; <paramref name="xml"/> is the domain to define for <see cref="GuestAction.DefineAndStart"/>,
    /// which starts it paused (its CPUs never run) when <paramref name="startPaused"/>.
    /// </summary>
    public static async Task ActAsync(LibvirtConnection connection, string domainName, GuestAction action, string? xml, GuestHypervisor hypervisor,
        bool startPaused, CancellationToken cancellationToken)
    {
        if (action == GuestAction.DefineAndStart)
        {
            ArgumentException.ThrowIfNullOrEmpty(xml);
            using var defined = await connection.DefineDomainAsync(xml, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (DomainStates.From(await defined.GetStateAsync(cancellationToken).ConfigureAwait(false)) is not (GuestDomainState.Running or GuestDomainState.Paused))
            {
                await StartAsync(defined, startPaused, hypervisor, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        using var domain = await connection.FindDomainAsync(domainName, cancellationToken).ConfigureAwait(false);
        if (domain is null)
        {
            return; // gone meanwhile: the next observation says so
        }

        var call = action switch
        {
            GuestAction.Suspend => domain.SuspendAsync(cancellationToken),
            GuestAction.Resume => domain.ResumeAsync(cancellationToken),
            // The test driver takes no shutdown method flags; its default shuts the domain off as a guest would.
            GuestAction.Shutdown => domain.ShutdownAsync(hypervisor == GuestHypervisor.Test ? DomainShutdownMethods.None : DomainShutdownMethods.AcpiPowerButton, cancellationToken),
            GuestAction.Destroy => domain.DestroyAsync(graceful: false, cancellationToken),
            _ => Task.CompletedTask,
        };
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (LibvirtException e) when (e.Code is LibvirtErrorCode.OperationInvalid or LibvirtErrorCode.NoDomain)
        {
            // The domain changed state under us (it stopped, say): the next observation decides again.
        }
    }

    // QEMU reports a paused start as paused by the user (VIR_DOMAIN_PAUSED_USER), as a suspend is. The test driver
    // rejects the flag; it runs no guest, so starting and suspending it at once shows the same.
    private static async Task StartAsync(LibvirtDomain domain, bool paused, GuestHypervisor hypervisor, CancellationToken cancellationToken)
    {
        if (!paused)
        {
            await domain.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        else if (hypervisor == GuestHypervisor.Test)
        {
            await domain.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await domain.SuspendAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await domain.StartAsync(DomainStartOptions.Paused, cancellationToken).ConfigureAwait(false);
        }
    }
}
