namespace LibvirtSharp;

/// <summary>
/// A snapshot of a domain's job (a migration, usually) from <c>virDomainGetJobStats</c>. <see cref="Fields"/> holds
/// every typed parameter libvirt returned (ulong, long, int, uint, double, bool or string); the common ones have properties.
/// </summary>
public sealed record DomainJobStats(DomainJobType Type, IReadOnlyDictionary<string, object> Fields)
{
    public TimeSpan? TimeElapsed => Milliseconds("time_elapsed");

    public TimeSpan? Downtime => Milliseconds("downtime");

    public ulong? DataTotal => Number("data_total");

    public ulong? DataProcessed => Number("data_processed");

    public ulong? DataRemaining => Number("data_remaining");

    public ulong? MemoryTotal => Number("memory_total");

    public ulong? MemoryProcessed => Number("memory_processed");

    public ulong? MemoryRemaining => Number("memory_remaining");

    /// <summary>The job's operation (<c>virDomainJobOperation</c>, e.g. 5 = outgoing migration), when reported.</summary>
    public int? Operation => Fields.TryGetValue("operation", out var value) ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private ulong? Number(string name) =>
        Fields.TryGetValue(name, out var value) ? Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private TimeSpan? Milliseconds(string name) => Number(name) is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
}
