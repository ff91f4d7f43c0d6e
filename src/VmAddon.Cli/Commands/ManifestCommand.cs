using System.CommandLine;
using VmAddon.Cli.Input;

namespace VmAddon.Cli.Commands;

/// <summary>Builds a command that works on a manifest given with -f: the option, the reading, and the error when it cannot be read.</summary>
internal static class ManifestCommand
{
    public static Command Create(
        string name,
        string description,
        CliStreams streams,
        Func<ParseResult, ManifestSource, CancellationToken, Task<int>> run,
        params Option[] options)
    {
        var file = new Option<string>("--filename", "-f")
        {
            Description = $"The manifest to {name}: a YAML file with one or more documents, or - for standard input.",
            Required = true,
        };
        var command = new Command(name, description) { file };
        foreach (var option in options)
        {
            command.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = await ManifestSource.ReadOrReportAsync(parse.GetValue(file)!, streams, cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                return ExitCodes.Invalid;
            }

            try
            {
                return await run(parse, source, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The validator should have caught whatever the renderers refuse; say so rather than dump a stack.
                var message = $"error: {source.DisplayName}: {e.Message}\nkubectl vm {name} met a manifest its checks let through; please report it with the manifest.";
                await streams.Error.WriteLineAsync(message.AsMemory(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
        });
        return command;
    }
}
