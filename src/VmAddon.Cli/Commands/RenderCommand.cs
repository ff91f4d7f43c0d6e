using System.CommandLine;
using k8s;
using System.Text.Json.Nodes;
using VmAddon.Api.Manifests;
using VmAddon.Api.Schema;
using VmAddon.Core.Rendering;
using VmAddon.Cli.Input;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm render -f FILE</c>: what the cluster would create for a VM, offline.</summary>
internal static class RenderCommand
{
    private static readonly string[] s_parts = ["vmi", "pod", "domain"];

    public static Command Build(CliStreams streams)
    {
        var only = new Option<string?>("--only")
        {
            Description = "Print only one part: vmi, pod or domain.",
        };
        only.AcceptOnlyFromAmong(s_parts);
        var softwareEmulation = new Option<bool>("--software-emulation")
        {
            Description = "Render for QEMU software emulation (TCG, domain type qemu), as on nodes where KVM cannot run guests.",
        };
        return ManifestCommand.Create(
            "render",
            "Print what VmAddon would create for a VirtualMachine, VirtualMachineInstance or VirtualMachinePool (its first replica): the VMI and the launcher Pod as YAML, then the libvirt domain XML. Server-assigned fields (namespace when absent, uids) get stable placeholders.",
            streams,
            (parse, source, cancellationToken) => RunAsync(
                source,
                parse.GetValue(only),
                new RenderSettings { SoftwareEmulation = parse.GetValue(softwareEmulation) },
                streams,
                cancellationToken),
            only,
            softwareEmulation)
            .WithExamples("kubectl vm render -f examples/legacy-app.yaml", "kubectl vm render -f examples/legacy-app.yaml --only domain --software-emulation");
    }

    private static async Task<int> RunAsync(ManifestSource source, string? only, RenderSettings settings, CliStreams streams, CancellationToken cancellationToken)
    {
        var result = ManifestLoader.Load(source.Text);
        if (!await ManifestReport.WriteProblemsAsync(source, result, streams.Error, cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.Invalid;
        }

        var rendered = 0;
        foreach (var resource in result.Resources)
        {
            if (resource.Kind == Api.ApiGroup.VirtualMachineInstanceMigrationKind)
            {
                var note = $"{source.DisplayName}: {ManifestReport.Describe(resource)}: a migration runs no virtual machine; nothing to render";
                await streams.Error.WriteLineAsync(note.AsMemory(), cancellationToken).ConfigureAwait(false);
                continue;
            }

            var instance = InstanceRenderer.Render(resource.Resource!, settings);
            await streams.Output.WriteAsync(Format(instance, only).AsMemory(), cancellationToken).ConfigureAwait(false);
            rendered++;
        }

        return rendered > 0 ? ExitCodes.Success : ExitCodes.Invalid;
    }

    /// <summary>YAML documents for the VMI and Pod, then the domain XML; or just the part asked for.</summary>
    private static string Format(RenderedInstance instance, string? only) => only switch
    {
        "vmi" => "---\n" + Yaml(instance.Vmi),
        "pod" => "---\n" + Yaml(instance.Pod),
        "domain" => instance.DomainXml + "\n",
        _ => $"---\n{Yaml(instance.Vmi)}---\n{Yaml(instance.Pod)}...\n{instance.DomainXml}\n",
    };

    private static string Yaml(object resource) => YamlWriter.Write(JsonNode.Parse(KubernetesJson.Serialize(resource)));
}
