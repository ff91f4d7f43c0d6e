using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>The virtual hardware of a guest.</summary>
public sealed record DomainSpec
{
    [Doc("Resource requests and limits; requests.memory stands in for memory.guest when that is absent.")]
    public ResourceRequirements? Resources { get; init; }

    [Doc("CPU topology and model.")]
    public Cpu? Cpu { get; init; }

    [Doc("Guest memory.")]
    public Memory? Memory { get; init; }

    [Doc("The emulated machine type.")]
    public Machine? Machine { get; init; }

    [Doc("Firmware: BIOS, EFI or direct kernel boot.")]
    public Firmware? Firmware { get; init; }

    [RequiredField, Doc("Disks, interfaces and other devices.")]
    public Devices Devices { get; init; } = new();
}
