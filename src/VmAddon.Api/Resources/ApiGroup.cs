namespace VmAddon.Api;

/// <summary>The API group, version and kinds VmAddon serves.</summary>
public static class ApiGroup
{
    public const string Group = "vmaddon.io";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;

    public const string VirtualMachineKind = "VirtualMachine";
    public const string VirtualMachineInstanceKind = "VirtualMachineInstance";
    public const string VirtualMachineInstanceMigrationKind = "VirtualMachineInstanceMigration";
    public const string VirtualMachinePoolKind = "VirtualMachinePool";
}
