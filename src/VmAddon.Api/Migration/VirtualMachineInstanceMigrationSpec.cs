using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>Which instance to live-migrate.</summary>
public sealed record VirtualMachineInstanceMigrationSpec
{
    [RequiredField, Doc("The name of the VirtualMachineInstance to migrate, in the same namespace.")]
    [Pattern(NamePatterns.Dns1123Label)]
    public string VmiName { get; init; } = "";
}
