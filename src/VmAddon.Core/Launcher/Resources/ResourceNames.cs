namespace VmAddon.Core.Launcher.Resources;

/// <summary>The resource names the launcher Pod asks for.</summary>
public static class ResourceNames
{
    public const string Cpu = "cpu";

    public const string Memory = "memory";

    /// <summary>/dev/kvm, handed out by KubeVirt's device plugin under this name; kept so the same node setup serves both.</summary>
    public const string Kvm = "devices.kubevirt.io/kvm";
}
