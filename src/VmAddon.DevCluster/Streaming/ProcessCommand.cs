namespace VmAddon.DevCluster.Streaming;

/// <summary>A program to start as given: its file (looked up in the PATH of <see cref="Environment"/> when it has no slash), arguments, environment and working directory.</summary>
/// <param name="File">The program; a bare name is searched in PATH.</param>
/// <param name="Arguments">argv[1..], passed through untouched (no shell).</param>
public sealed record ProcessCommand(string File, IReadOnlyList<string> Arguments)
{
    /// <summary>The whole environment of the program; null inherits this process's environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The working directory; null keeps this process's.</summary>
    public string? WorkingDirectory { get; init; }
}
