namespace VmAddon.Cli.Console;

/// <summary>Where <c>pods/exec</c> runs the console: a container of a Pod (the VM's launcher) and the argv to run there.</summary>
internal sealed record ExecTarget(string Namespace, string Pod, string Container, IReadOnlyList<string> Command);
