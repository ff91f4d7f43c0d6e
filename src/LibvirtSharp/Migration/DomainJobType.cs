namespace LibvirtSharp;

/// <summary>The kind of a domain's background job (<c>virDomainJobType</c>).</summary>
public enum DomainJobType
{
    None = 0,
    Bounded = 1,
    Unbounded = 2,
    Completed = 3,
    Failed = 4,
    Cancelled = 5,
}
