namespace VmAddon.Kube.Status;

/// <summary>How hard the status updater tries on 409 Conflict.</summary>
public sealed record StatusUpdaterOptions
{
    /// <summary>Retries after the first attempt; default 5, as client-go's retry.DefaultRetry has 5 steps.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first backoff delay; default 10 ms (client-go's DefaultRetry), doubled each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(10);
}
