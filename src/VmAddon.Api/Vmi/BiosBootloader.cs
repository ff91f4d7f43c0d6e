using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>Legacy BIOS boot.</summary>
public sealed record BiosBootloader
{
    [Doc("Show the BIOS's output on the serial console.")]
    public bool? UseSerial { get; init; }
}
