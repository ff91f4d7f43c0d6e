namespace VmAddon.Api;

/// <summary>A virtio random number generator; it has no settings.</summary>
public sealed record Rng;
