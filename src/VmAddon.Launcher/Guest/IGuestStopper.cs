namespace VmAddon.Launcher.Guest;

/// <summary>Shuts the pod's guest down when the pod is deleted: gracefully first, by force once the grace period ends.</summary>
internal interface IGuestStopper
{
    Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken);
}
