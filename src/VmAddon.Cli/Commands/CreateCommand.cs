using System.CommandLine;
using System.Security.Cryptography;
using VmAddon.Api;
using VmAddon.Api.Manifests;
using VmAddon.Cli.Create;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm create vm --name N ...</c>: prints a VirtualMachine manifest to apply, as virtctl create vm does. Offline.</summary>
internal static class CreateCommand
{
    private static readonly string[] s_strategies = [RunStrategy.Always, RunStrategy.Halted, RunStrategy.Manual, RunStrategy.RerunOnFailure, RunStrategy.Once];

    public static Command Build(CliStreams streams) =>
        new Command("create", "Print a manifest for a new resource, to review and apply with kubectl apply -f.").WithExamples("kubectl vm create vm --name web | kubectl apply -f -")
            .With(Vm(streams));

    private static Command Vm(CliStreams streams)
    {
        var name = new Option<string?>("--name") { Description = "The VM's name (default: vm- and five random letters)." };
        var image = new Option<string>("--image") { Description = $"The containerDisk image of its root disk (default: {VmManifest.DefaultImage}, the test guest).", DefaultValueFactory = _ => VmManifest.DefaultImage };
        var memory = new Option<string>("--memory") { Description = "The guest's memory, a Kubernetes quantity.", DefaultValueFactory = _ => "256Mi" };
        var cpu = new Option<int>("--cpu") { Description = "The guest's vCPU cores.", DefaultValueFactory = _ => 1 };
        var userData = new Option<string?>("--cloud-init-user-data-file") { Description = "A file whose content becomes the cloud-init NoCloud user data (a script or #cloud-config)." };
        var strategy = new Option<string>("--run-strategy") { Description = "Always, Halted, Manual, RerunOnFailure or Once.", DefaultValueFactory = _ => RunStrategy.Always };
        strategy.AcceptOnlyFromAmong(s_strategies);
        var help = "Print a VirtualMachine manifest. Nothing is sent to the cluster: review it, then apply it. The manifest is checked as kubectl vm validate does before it is printed.";
        var command = new Command("vm", help).WithExamples("kubectl vm create vm --name web --memory 512Mi --cpu 2 > web.yaml", "kubectl vm create vm --name app --cloud-init-user-data-file init.sh | kubectl apply -f -").With(name, image, memory, cpu, userData, strategy);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(userData);
            if (file is not null && !File.Exists(file))
            {
                await streams.Error.WriteLineAsync($"error: --cloud-init-user-data-file {file}: no such file".AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            var options = new VmManifestOptions(
                parse.GetValue(name) ?? $"vm-{RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 5)}",
                parse.GetValue(image)!,
                parse.GetValue(memory)!,
                parse.GetValue(cpu),
                parse.GetValue(strategy)!,
                file is null ? null : await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
            var yaml = VmManifest.Yaml(options);

            // The same checks the cluster makes: a bad --memory or --name is reported by field, and nothing is printed.
            var errors = ManifestLoader.Load(yaml).Resources.SelectMany(r => r.Errors).ToList();
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    await streams.Error.WriteLineAsync($"error: {FlagFor(error.ToString())}{error}".AsMemory(), cancellationToken).ConfigureAwait(false);
                }

                return ExitCodes.Failure;
            }

            await streams.Output.WriteAsync(yaml.AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    // Which flag set the field an error names.
    private static string FlagFor(string error) => error switch
    {
        _ when error.StartsWith("metadata.name", StringComparison.Ordinal) => "--name: ",
        _ when error.Contains(".memory", StringComparison.Ordinal) => "--memory: ",
        _ when error.Contains(".cpu", StringComparison.Ordinal) => "--cpu: ",
        _ when error.Contains("containerDisk", StringComparison.Ordinal) => "--image: ",
        _ => "",
    };
}
