namespace VmAddon.Launcher;

/// <summary>A failure the launcher reports as one clear line and a non-zero exit, without a stack trace.</summary>
internal class LauncherException : Exception
{
    public LauncherException(string message)
        : base(message)
    {
    }

    public LauncherException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
