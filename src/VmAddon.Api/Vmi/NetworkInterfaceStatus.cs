namespace VmAddon.Api;

/// <summary>One guest interface as the agent sees it.</summary>
public sealed record NetworkInterfaceStatus
{
    public string? Name { get; init; }

    public string? InterfaceName { get; init; }

    public string? Mac { get; init; }

    public string? IpAddress { get; init; }

    public IList<string>? IpAddresses { get; init; }

    public string? InfoSource { get; init; }
}
