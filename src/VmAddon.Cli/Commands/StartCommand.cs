using System.CommandLine;
using VmAddon.Core.Lifecycle;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm start NAME [--paused]</c>: as virtctl start.</summary>
internal static class StartCommand
{
    public static Command Build(CliContext context)
    {
        var paused = new Option<bool>("--paused") { Description = "Start the guest paused; it runs once you unpause it (kubectl vm unpause vm NAME)." };
        return VmRequestCommand.Create(
            context,
            "start",
            "Start a stopped VirtualMachine. Halted VMs get runStrategy Always; Manual and RerunOnFailure VMs get a Start request, as KubeVirt's virtctl does. Returns once the request is accepted; kubectl vm wait follows it.",
            ["kubectl vm start legacy-app", "kubectl vm start legacy-app --paused -n prod"],
            (parse, vm, instance) => VmLifecycle.Start(vm, instance, parse.GetValue(paused)),
            options: paused);
    }
}
