using System.CommandLine;

namespace VmAddon.Cli.Cluster;

/// <summary>kubectl's connection flags, on every command: --kubeconfig, --context, -n/--namespace.</summary>
internal sealed class ClusterFlags
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).",
        Recursive = true,
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to use (default: its current-context).",
        Recursive = true,
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "The namespace (default: the context's namespace, else default).",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Add(Kubeconfig);
        root.Add(Context);
        root.Add(Namespace);
    }

    public ClusterRequest Read(ParseResult parse) => new(parse.GetValue(Kubeconfig), parse.GetValue(Context), parse.GetValue(Namespace));
}

/// <summary>What the user asked for on the command line; <see cref="ClusterConnection.Open"/> fills in the rest from the kubeconfig.</summary>
internal sealed record ClusterRequest(string? Kubeconfig, string? Context, string? Namespace);
