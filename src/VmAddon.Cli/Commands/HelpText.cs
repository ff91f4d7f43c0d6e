using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace VmAddon.Cli.Commands;

/// <summary>
/// Examples for a command's --help, written after System.CommandLine's own help, so that a command's description stays
/// one line in its parent's list and its own help still ends with commands to copy.
/// </summary>
internal static class HelpText
{
    private static readonly ConditionalWeakTable<Command, string[]> s_examples = [];

    public static Command WithExamples(this Command command, params string[] examples)
    {
        s_examples.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>Makes --help (and a bare kubectl vm) print the examples too; returns that help action.</summary>
    public static SynchronousCommandLineAction Install(RootCommand root)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        var action = new ExamplesHelpAction((SynchronousCommandLineAction)option.Action!);
        option.Action = action;
        return action;
    }

    /// <summary>Whether the parse asks for help: help is printed even when required arguments are missing.</summary>
    public static bool IsHelp(CommandLineAction? action) => action is ExamplesHelpAction;

    private sealed class ExamplesHelpAction(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            if (s_examples.TryGetValue(parseResult.CommandResult.Command, out var examples))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine($"  {example}");
                }

                output.WriteLine();
            }

            return code;
        }
    }
}
