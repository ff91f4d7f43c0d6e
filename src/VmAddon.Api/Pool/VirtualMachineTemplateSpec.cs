using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>The template of a VirtualMachine inside a pool.</summary>
public sealed record VirtualMachineTemplateSpec
{
    public TemplateMetadata? Metadata { get; init; }

    [RequiredField, Doc("The spec of each VirtualMachine.")]
    public VirtualMachineSpec Spec { get; init; } = new();
}
