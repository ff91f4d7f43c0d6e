using System.CommandLine;

namespace VmAddon.Cli.Commands;

/// <summary>Options several commands share, spelled as kubectl spells them.</summary>
internal static class CommonOptions
{
    public static Option<string> Filename(string verb) => new("--filename", "-f")
    {
        Description = $"The manifest to {verb}: a YAML file with one or more documents, or - for standard input.",
        Required = true,
    };
}
