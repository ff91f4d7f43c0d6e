namespace VmAddon.Api;

/// <summary>The values of <see cref="VirtualMachineInstanceSpec.StartStrategy"/>.</summary>
public static class StartStrategy
{
    public const string Paused = "Paused";
}
