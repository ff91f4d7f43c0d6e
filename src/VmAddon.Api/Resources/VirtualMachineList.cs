namespace VmAddon.Api;

/// <summary>A list of <see cref="VirtualMachine"/> as the API server returns it.</summary>
public sealed record VirtualMachineList() : VmAddonResourceList<VirtualMachine>(VirtualMachine.KubeKind);
