namespace VmAddon.Api;

/// <summary>The values of <see cref="VirtualMachineInstanceSpec.EvictionStrategy"/>.</summary>
public static class EvictionStrategy
{
    public const string None = "None";
    public const string LiveMigrate = "LiveMigrate";
    public const string LiveMigrateIfPossible = "LiveMigrateIfPossible";
    public const string External = "External";
}
