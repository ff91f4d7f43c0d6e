using VmAddon.Api.Manifests;
using VmAddon.Cli.Input;

namespace VmAddon.Cli.Commands;

/// <summary>Prints a loaded manifest's problems, one line each: FILE:LINE: KIND/NAME: field.path: message.</summary>
internal static class ManifestReport
{
    /// <summary>Writes every problem and returns whether there were none.</summary>
    public static async Task<bool> WriteProblemsAsync(ManifestSource source, ManifestLoadResult result, TextWriter output, CancellationToken cancellationToken)
    {
        if (result.SyntaxError is { } syntax)
        {
            await output.WriteLineAsync($"{source.DisplayName}:{syntax.Line}: {syntax}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (result.Resources.Count == 0)
        {
            await output.WriteLineAsync($"{source.DisplayName}: no documents found; expected a VirtualMachine, VirtualMachineInstance, VirtualMachineInstanceMigration or VirtualMachinePool".AsMemory(), cancellationToken).ConfigureAwait(false);
            return false;
        }

        foreach (var resource in result.Resources)
        {
            foreach (var error in resource.Errors)
            {
                var line = $"{source.DisplayName}:{resource.LineOf(error)}: {Describe(resource)}: {error}";
                await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }

        return result.IsValid;
    }

    public static string Describe(LoadedResource resource) =>
        $"{resource.Kind ?? "(no kind)"}/{resource.Name ?? "(no name)"}";
}
