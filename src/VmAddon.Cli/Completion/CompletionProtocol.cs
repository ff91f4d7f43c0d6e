using System.CommandLine;

namespace VmAddon.Cli.Completion;

/// <summary>
/// <c>kubectl-vm __complete WORDS... CURRENT</c>: cobra's completion protocol, which kubectl uses for plugins. One
/// candidate per line, then <c>:DIRECTIVE</c> (4: no file completion; 0: the shell's default, for flags that take a file).
/// </summary>
internal static class CompletionProtocol
{
    public const string Command = "__complete";

    private const int NoFileCompletion = 4;
    private const int DefaultCompletion = 0;

    private static readonly string[] s_fileFlags = ["-f", "--filename", "--kubeconfig", "--cloud-init-user-data-file"];

    public static async Task<int> RunAsync(RootCommand root, IReadOnlyList<string> args, TextWriter output)
    {
        var words = args.Count == 0 ? [] : args.Take(args.Count - 1).ToList();
        var current = args.Count == 0 ? "" : args[^1];
        if (words.Count > 0 && s_fileFlags.Contains(words[^1]))
        {
            await output.WriteLineAsync($":{DefaultCompletion}").ConfigureAwait(false);
            return 0;
        }

        var line = string.Join(' ', words.Append(current));
        var parse = root.Parse(line);
        var candidates = parse.GetCompletions(line.Length)
            .Select(c => c.Label)
            .Where(c => c.StartsWith(current, StringComparison.Ordinal) && (current.StartsWith('-') || !c.StartsWith('-')) && c != Command && !c.StartsWith('/') && c is not ("-?" or "-h"))
            .Distinct(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            await output.WriteLineAsync(candidate).ConfigureAwait(false);
        }

        await output.WriteLineAsync($":{NoFileCompletion}").ConfigureAwait(false);
        return 0;
    }
}
