using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Launcher;

namespace VmAddon.Core.Tests.Launcher;

public sealed class LauncherPodSecurityTests
{
    private static V1Pod Render(VirtualMachineInstance vmi) => LauncherPodRenderer.Render(vmi, new LauncherPodOptions());

    private static Interface Masquerade(string name, params int[] ports) => new()
    {
        Name = name,
        Masquerade = new InterfaceMasquerade(),
        Ports = [.. ports.Select(p => new Port { Number = p })],
    };

    [Fact]
    public void Pod_Runs_As_The_Unprivileged_Qemu_User()
    {
        var pod = Render(TestVmis.Demo());

        pod.Spec.SecurityContext.Should().Match<V1PodSecurityContext>(s =>
            s.RunAsUser == 107 && s.RunAsGroup == 107 && s.FsGroup == 107 && s.RunAsNonRoot == true);
        var container = pod.Spec.Containers[0].SecurityContext;
        container.Should().Match<V1SecurityContext>(s =>
            s.RunAsUser == 107 && s.RunAsGroup == 107 && s.RunAsNonRoot == true && s.AllowPrivilegeEscalation == false && s.Privileged == null);
        container.Capabilities.Drop.Should().Equal("ALL");
        container.Capabilities.Add.Should().BeNull();
        pod.Spec.AutomountServiceAccountToken.Should().BeFalse();
    }

    [Theory]
    [InlineData(new[] { 80 }, "80")]
    [InlineData(new[] { 8080, 443, 22 }, "22")]
    public void Low_Forwarded_Ports_Lower_The_Unprivileged_Port_Start(int[] ports, string expected)
    {
        var pod = Render(TestVmis.Demo().WithInterfaces(Masquerade("default", ports)));

        pod.Spec.SecurityContext.Sysctls.Should().ContainSingle()
            .Which.Should().Match<V1Sysctl>(s => s.Name == "net.ipv4.ip_unprivileged_port_start" && s.Value == expected);
    }

    [Fact]
    public void High_Forwarded_Ports_Need_No_Sysctl()
    {
        var pod = Render(TestVmis.Demo().WithInterfaces(Masquerade("default", 1024, 8080)));

        pod.Spec.SecurityContext.Sysctls.Should().BeNull();
    }

    [Fact]
    public void Ports_Of_Non_Masquerade_Interfaces_Need_No_Sysctl()
    {
        var bridge = new Interface { Name = "default", Bridge = new InterfaceBridge(), Ports = [new Port { Number = 80 }] };

        Render(TestVmis.Demo().WithInterfaces(bridge)).Spec.SecurityContext.Sysctls.Should().BeNull();
    }
}
