namespace VmAddon.Launcher.Hosting;

/// <summary>The exit code the pod entrypoint ends with; the service sets it when it fails, so the pod fails too.</summary>
internal sealed class LauncherExitCode
{
    public int Value { get; private set; } = ExitCodes.Success;

    public void Fail() => Value = ExitCodes.Failure;
}
