namespace VmAddon.DevCluster.Streaming;

/// <summary>Finds a program the way execvp does, in the PATH the program itself will get.</summary>
internal static class ExecutablePath
{
    // glibc's default when PATH is unset.
    private const string DefaultPath = "/bin:/usr/bin";

    public static string Resolve(ProcessCommand command)
    {
        if (command.File.Length == 0)
        {
            throw new ArgumentException("the command is empty", nameof(command));
        }

        if (command.File.Contains('/', StringComparison.Ordinal))
        {
            var path = command.WorkingDirectory is { } cwd && !Path.IsPathRooted(command.File) ? Path.Combine(cwd, command.File) : command.File;
            return File.Exists(path) ? path : throw new FileNotFoundException($"{command.File}: no such file", path);
        }

        var search = command.Environment is { } env
            ? env.GetValueOrDefault("PATH") ?? DefaultPath
            : System.Environment.GetEnvironmentVariable("PATH") ?? DefaultPath;
        foreach (var directory in search.Split(':'))
        {
            var candidate = Path.Combine(directory.Length == 0 ? "." : directory, command.File);
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{command.File}: executable file not found in $PATH ({search})", command.File);
    }
}
