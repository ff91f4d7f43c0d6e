using System.CommandLine;

namespace VmAddon.Cli.Commands;

/// <summary>The KIND argument of pause, unpause and expose: vm or vmi, with kubectl's long names accepted.</summary>
internal static class KindArgument
{
    public const string Vm = "vm";
    public const string Vmi = "vmi";

    private static readonly string[] s_vm = [Vm, "vms", "virtualmachine", "virtualmachines"];
    private static readonly string[] s_vmi = [Vmi, "vmis", "virtualmachineinstance", "virtualmachineinstances"];

    public static Argument<string> Create()
    {
        var argument = new Argument<string>("KIND") { Description = "vm (a VirtualMachine) or vmi (a VirtualMachineInstance).", HelpName = "vm|vmi" };
        argument.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var kind }] && !s_vm.Contains(kind) && !s_vmi.Contains(kind))
            {
                result.AddError($"KIND must be vm or vmi, not '{kind}'");
            }
        });
        argument.CompletionSources.Add(_ => [Vm, Vmi]);
        return argument;
    }

    /// <summary>vm or vmi for any accepted spelling.</summary>
    public static string Normalise(string kind) => s_vmi.Contains(kind) ? Vmi : Vm;
}
