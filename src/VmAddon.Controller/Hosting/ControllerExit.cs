namespace VmAddon.Controller.Hosting;

/// <summary>The process's exit code, set by the service when it stops for a reason other than a signal.</summary>
internal sealed class ControllerExit
{
    public int Code { get; set; }
}
