using System.CommandLine;
using VmAddon.Api.Manifests;
using VmAddon.Cli.Input;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm validate -f FILE</c>: the checks the cluster would make, offline.</summary>
internal static class ValidateCommand
{
    public static Command Build(CliStreams streams) => ManifestCommand.Create(
        "validate",
        "Check a manifest offline against VmAddon's schema and rules. Exits 0 when valid, 1 otherwise, printing one line per error with its field path.",
        streams,
        (_, source, cancellationToken) => RunAsync(source, streams, cancellationToken))
        .WithExamples("kubectl vm validate -f examples/legacy-app.yaml", "kubectl vm create vm --name web | kubectl vm validate -f -");

    private static async Task<int> RunAsync(ManifestSource source, CliStreams streams, CancellationToken cancellationToken)
    {
        var result = ManifestLoader.Load(source.Text);
        if (!await ManifestReport.WriteProblemsAsync(source, result, streams.Output, cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.Invalid;
        }

        foreach (var resource in result.Resources)
        {
            await streams.Output.WriteLineAsync($"{source.DisplayName}: {ManifestReport.Describe(resource)}: valid".AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
