namespace VmAddon.Api;

/// <summary>A list of <see cref="VirtualMachineInstanceMigration"/> as the API server returns it.</summary>
public sealed record VirtualMachineInstanceMigrationList() : VmAddonResourceList<VirtualMachineInstanceMigration>(VirtualMachineInstanceMigration.KubeKind);
