using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>The template of a VirtualMachineInstance inside a VirtualMachine.</summary>
public sealed record VirtualMachineInstanceTemplateSpec
{
    public TemplateMetadata? Metadata { get; init; }

    [Doc("The spec of the VirtualMachineInstance.")]
    public VirtualMachineInstanceSpec? Spec { get; init; }
}
