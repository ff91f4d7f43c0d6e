namespace VmAddon.Controller.Hosting;

/// <summary>How the replicas hold the Lease (client-go's defaults); tests shorten them so a takeover is quick.</summary>
/// <param name="Duration">How long a lapsed lease stays the old leader's: 15 s.</param>
/// <param name="RenewDeadline">How long the leader retries renewal before stepping down: 10 s.</param>
/// <param name="RetryPeriod">Between attempts: 2 s.</param>
public sealed record LeaseTimings(TimeSpan Duration, TimeSpan RenewDeadline, TimeSpan RetryPeriod)
{
    public LeaseTimings()
        : this(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2))
    {
    }
}
