namespace VmAddon.Core.Domain;

/// <summary>A NIC model by its libvirt name and by the QEMU device that implements it.</summary>
internal sealed record NicModel(string Libvirt, string QemuDevice);
