namespace VmAddon.Api;

/// <summary>A list of <see cref="VirtualMachineInstance"/> as the API server returns it.</summary>
public sealed record VirtualMachineInstanceList() : VmAddonResourceList<VirtualMachineInstance>(VirtualMachineInstance.KubeKind);
