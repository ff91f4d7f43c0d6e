using System.CommandLine;
using VmAddon.Api.Conversion;
using VmAddon.Api.Manifests;
using VmAddon.Cli.Input;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm convert -f FILE</c>: rewrites a KubeVirt manifest for VmAddon and warns about what it cannot take.</summary>
internal static class ConvertCommand
{
    public static Command Build(CliStreams streams) => ManifestCommand.Create(
        "convert",
        "Rewrite KubeVirt manifests (kubevirt.io/v1, pool.kubevirt.io/v1beta1) to vmaddon.io/v1alpha1. Prints the result; warnings about unsupported kinds and fields go to standard error.",
        streams,
        (_, source, cancellationToken) => RunAsync(source, streams, cancellationToken))
        .WithExamples("kubectl vm convert -f kubevirt-vm.yaml > vm.yaml", "kubectl vm convert -f kubevirt-vm.yaml | kubectl apply -f -");

    private static async Task<int> RunAsync(ManifestSource source, CliStreams streams, CancellationToken cancellationToken)
    {
        KubeVirtConversion conversion;
        try
        {
            conversion = KubeVirtConverter.Convert(source.Text);
        }
        catch (ManifestSyntaxException e)
        {
            await streams.Error.WriteLineAsync($"{source.DisplayName}:{e.Error.Line}: {e.Error}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Invalid;
        }

        await streams.Output.WriteAsync(conversion.Text.AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var warning in conversion.Warnings)
        {
            var line = $"warning: {source.DisplayName}:{warning.Line}: {warning.Kind ?? "(no kind)"}/{warning.Name ?? "(no name)"}: {warning.Message}";
            await streams.Error.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
