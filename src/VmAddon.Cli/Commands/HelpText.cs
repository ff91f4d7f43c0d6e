namespace VmAddon.Cli.Commands;

/// <summary>A command's --help text: what it does, then examples to copy.</summary>
internal static class HelpText
{
    public static string With(string description, params string[] examples) =>
        $"{description}\n\nExamples:\n{string.Join('\n', examples.Select(e => "  " + e))}";
}
