using VmAddon.Core.Domain;

namespace VmAddon.Core.Tests.Domain;

public sealed class InterfaceConfiguratorTests
{
    private static (IReadOnlyList<DomainInterface> Interfaces, IReadOnlyList<string> QemuArguments) Configure(string interfacesJson, string networksJson) =>
        InterfaceConfigurator.Configure(TestVmis.WithSpec($$"""
            { "domain": { "devices": { "interfaces": {{interfacesJson}} }, "memory": { "guest": "128Mi" } }, "networks": {{networksJson}} }
            """).Spec);

    private const string PodNetwork = """[ { "name": "default", "pod": {} } ]""";

    [Fact]
    public void Masquerade_Forwards_Port_80_Through_User_Networking()
    {
        var (interfaces, arguments) = Configure("""[ { "name": "default", "masquerade": {}, "ports": [ { "port": 80 } ] } ]""", PodNetwork);

        interfaces.Should().BeEmpty("masquerade NICs are QEMU arguments, not libvirt interfaces");
        arguments.Should().Equal(
            "-netdev", "user,id=ua-default,hostfwd=tcp::80-:80",
            "-device", "virtio-net-pci,netdev=ua-default,addr=0x9");
    }

    [Fact]
    public void Masquerade_Forwards_Every_Declared_Port_With_Its_Protocol()
    {
        var (_, arguments) = Configure(
            """[ { "name": "default", "masquerade": {}, "ports": [ { "port": 22 }, { "port": 53, "protocol": "UDP" }, { "port": 8080, "protocol": "TCP" } ] } ]""",
            PodNetwork);

        arguments[1].Should().Be("user,id=ua-default,hostfwd=tcp::22-:22,hostfwd=udp::53-:53,hostfwd=tcp::8080-:8080");
    }

    [Theory]
    [InlineData("virtio", "virtio-net-pci")]
    [InlineData("e1000", "e1000")]
    [InlineData("e1000e", "e1000e")]
    [InlineData("rtl8139", "rtl8139")]
    public void Masquerade_Emulates_The_Requested_Nic_Model(string model, string device)
    {
        var (_, arguments) = Configure($$"""[ { "name": "default", "model": "{{model}}", "masquerade": {} } ]""", PodNetwork);

        arguments[3].Should().StartWith($"{device},netdev=ua-default,");
    }

    [Fact]
    public void Masquerade_Keeps_The_Mac_And_Boot_Order_And_Pins_One_Slot_Per_Nic()
    {
        var (_, arguments) = Configure(
            """
            [ { "name": "a", "masquerade": {}, "macAddress": "DE-AD-00-00-BE-AF", "bootOrder": 3 },
              { "name": "b", "masquerade": {} } ]
            """,
            """[ { "name": "a", "pod": {} }, { "name": "b", "pod": {} } ]""");

        arguments.Should().Equal(
            "-netdev", "user,id=ua-a",
            "-device", "virtio-net-pci,netdev=ua-a,mac=de:ad:00:00:be:af,addr=0x9,bootindex=3",
            "-netdev", "user,id=ua-b",
            "-device", "virtio-net-pci,netdev=ua-b,addr=0xa");
    }

    [Fact]
    public void Bridge_Joins_The_Pods_K6t_Bridge()
    {
        var (interfaces, arguments) = Configure(
            """[ { "name": "default", "bridge": {}, "model": "e1000", "macAddress": "02:00:00:00:00:01", "bootOrder": 1 } ]""", PodNetwork);

        arguments.Should().BeEmpty();
        interfaces.Should().ContainSingle().Which.Should().Be(new DomainInterface
        {
            SourceBridge = "k6t-default",
            Model = "e1000",
            MacAddress = "02:00:00:00:00:01",
            BootOrder = 1,
            Alias = "ua-default",
        });
    }

    [Fact]
    public void Defaulted_Vmi_Without_Interfaces_Gets_A_Masquerade_Pod_Nic() =>
        InterfaceConfigurator.Configure(TestVmis.Minimal().Spec).QemuArguments.Should().Equal(
            "-netdev", "user,id=ua-default", "-device", "virtio-net-pci,netdev=ua-default,addr=0x9");

    [Theory]
    [InlineData("""[ { "name": "default", "bridge": {}, "ports": [ { "port": 80 } ] } ]""", PodNetwork, "spec.domain.devices.interfaces[0].ports")]
    [InlineData("""[ { "name": "default", "model": "ne2k_pci", "masquerade": {} } ]""", PodNetwork, "spec.domain.devices.interfaces[0].model")]
    [InlineData("""[ { "name": "default" } ]""", PodNetwork, "spec.domain.devices.interfaces[0]")]
    [InlineData("""[ { "name": "default", "masquerade": {} } ]""", """[ { "name": "default" } ]""", "spec.networks[0]")]
    [InlineData("""[ { "name": "default", "masquerade": {} } ]""", """[ { "name": "default", "pod": { "vmNetworkCIDR": "10.11.12.0/24" } } ]""", "spec.networks[0].pod.vmNetworkCIDR")]
    public void Configure_Rejects_Unsupported_Networking_By_Field(string interfaces, string networks, string path)
    {
        var act = () => Configure(interfaces, networks);

        act.Should().Throw<NotSupportedException>().WithMessage($"{path}:*");
    }

    [Fact]
    public void Configure_Names_The_Interface_Whose_Network_Is_Missing()
    {
        var act = () => Configure("""[ { "name": "default", "masquerade": {} } ]""", """[ { "name": "other", "pod": {} } ]""");

        act.Should().Throw<ArgumentException>().WithMessage("spec.domain.devices.interfaces[0].name: interface \"default\" has no network*");
    }
}
