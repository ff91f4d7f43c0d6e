namespace VmAddon.Api;

/// <summary>Masquerade binding: the guest sits behind NAT in the pod; it has no settings.</summary>
public sealed record InterfaceMasquerade;
