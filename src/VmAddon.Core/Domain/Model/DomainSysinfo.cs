namespace VmAddon.Core.Domain;

/// <summary>SMBIOS system (type 1) entries the guest reads as its hardware identity.</summary>
public sealed record DomainSysinfo
{
    public string? Uuid { get; init; }

    public string? Serial { get; init; }
}
