using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>What the user wants of a virtual machine.</summary>
public sealed record VirtualMachineSpec
{
    [Doc("Deprecated: use runStrategy. true means Always, false means Halted. May not be set together with runStrategy.")]
    public bool? Running { get; init; }

    [Doc("When an instance of this VM should run.")]
    [EnumValues(Api.RunStrategy.Always, Api.RunStrategy.Halted, Api.RunStrategy.Manual, Api.RunStrategy.RerunOnFailure, Api.RunStrategy.Once)]
    public string? RunStrategy { get; init; }

    [RequiredField, Doc("The template of the VirtualMachineInstance this VM runs.")]
    public VirtualMachineInstanceTemplateSpec Template { get; init; } = new();
}
