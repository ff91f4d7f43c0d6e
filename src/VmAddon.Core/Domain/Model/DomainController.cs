namespace VmAddon.Core.Domain;

/// <summary>A disk controller: a sata (AHCI) controller, or a virtio-scsi one.</summary>
public sealed record DomainController(string Type, int Index, string? Model);
