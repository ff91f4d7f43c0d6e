using System.CommandLine;
using VmAddon.Api.Manifests;
using VmAddon.Cli.Input;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm validate -f FILE</c>: the checks the cluster would make, offline.</summary>
internal static class ValidateCommand
{
    public static Command Build(CliStreams streams)
    {
        var file = CommonOptions.Filename("validate");
        var command = new Command("validate", "Check a manifest offline against VmAddon's schema and rules. Exits 0 when valid, 1 otherwise, printing one line per error with its field path.")
        {
            file,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, streams, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, CliStreams streams, CancellationToken cancellationToken)
    {
        var source = await ManifestSource.ReadOrReportAsync(path, streams, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return ExitCodes.Invalid;
        }

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
