namespace VmAddon.Api;

/// <summary>Bridge binding: the guest is bridged onto the pod's interface; it has no settings.</summary>
public sealed record InterfaceBridge;
