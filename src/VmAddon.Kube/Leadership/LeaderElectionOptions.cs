namespace VmAddon.Kube.Leadership;

/// <summary>Which Lease to hold and how (client-go leaderelection semantics and defaults).</summary>
public sealed record LeaderElectionOptions
{
    /// <summary>The Lease's namespace; required.</summary>
    public required string LeaseNamespace { get; init; }

    /// <summary>The Lease's name; required.</summary>
    public required string LeaseName { get; init; }

    /// <summary>This candidate's holderIdentity; default the host name plus a random suffix, as client-go hosts use.</summary>
    public string Identity { get; init; } = Environment.MachineName + "_" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>How long a non-leader waits after the last observed change before taking over; default 15 s.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps retrying a failing renewal before giving up leadership; default 10 s.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The interval between acquire and renew attempts; default 2 s.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Annotations the holder keeps on the Lease while it leads, such as its version for kubectl vm version; default none.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>On cancellation, clear the holder so a successor need not wait for expiry; default true (client-go ReleaseOnCancel).</summary>
    public bool ReleaseOnCancel { get; init; } = true;

    /// <summary>Throws when the durations break client-go's rules: LeaseDuration &gt; RenewDeadline &gt; RetryPeriod &gt; 0.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(LeaseNamespace);
        ArgumentException.ThrowIfNullOrEmpty(LeaseName);
        ArgumentException.ThrowIfNullOrEmpty(Identity);
        if (RetryPeriod <= TimeSpan.Zero || RenewDeadline <= RetryPeriod || LeaseDuration <= RenewDeadline)
        {
            throw new ArgumentException("leader election needs LeaseDuration > RenewDeadline > RetryPeriod > 0");
        }
    }
}
