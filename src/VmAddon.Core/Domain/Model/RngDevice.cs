namespace VmAddon.Core.Domain;

/// <summary>A virtio random number generator fed from a host entropy source.</summary>
public sealed record RngDevice(string BackendPath);
