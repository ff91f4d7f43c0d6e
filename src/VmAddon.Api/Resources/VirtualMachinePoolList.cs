namespace VmAddon.Api;

/// <summary>A list of <see cref="VirtualMachinePool"/> as the API server returns it.</summary>
public sealed record VirtualMachinePoolList() : VmAddonResourceList<VirtualMachinePool>(VirtualMachinePool.KubeKind);
