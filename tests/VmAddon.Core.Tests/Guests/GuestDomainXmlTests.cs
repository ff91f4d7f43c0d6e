using System.Xml.Linq;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Guests;

namespace VmAddon.Core.Tests.Guests;

public sealed class GuestDomainXmlTests
{
    [Theory]
    [InlineData(GuestHypervisor.Qemu, true, "qemu")]
    [InlineData(GuestHypervisor.Qemu, false, "kvm")]
    [InlineData(GuestHypervisor.Test, true, "test")]
    public void The_domain_type_follows_the_hypervisor_and_the_node(GuestHypervisor hypervisor, bool softwareEmulation, string type)
    {
        var xml = XElement.Parse(GuestDomainXml.Render(Vmi(), hypervisor, softwareEmulation));

        xml.Attribute("type")!.Value.Should().Be(type);
        xml.Element("name")!.Value.Should().Be("ns1_web");
    }

    [Fact]
    public void A_test_driver_domain_has_no_qemu_extras()
    {
        var xml = GuestDomainXml.Render(Vmi(), GuestHypervisor.Test, softwareEmulation: true);

        xml.Should().NotContain("qemu:commandline").And.NotContain("tb-cache");
    }

    [Theory]
    [InlineData("ns1_web", "ns1/web")]
    [InlineData("ns1_web_2", "ns1/web_2")]
    [InlineData("nounderscore", null)]
    [InlineData("_web", null)]
    [InlineData("ns1_", null)]
    public void A_domain_name_leads_back_to_its_instance(string domain, string? key)
    {
        GuestDomainXml.KeyOf(domain).Should().Be(key);
    }

    [Fact]
    public void The_launcher_socket_lies_in_the_pods_runtime_empty_dir()
    {
        var path = LauncherSocketPath.For("/var/lib/kubelet/", "1234-abcd");

        path.Should().Be("/var/lib/kubelet/pods/1234-abcd/volumes/kubernetes.io~empty-dir/libvirt-runtime/libvirt/libvirt-sock");
        LauncherSocketPath.Uri(path).Should().Be($"qemu+unix:///session?socket={path}");
    }

    [Fact]
    public void A_kubelet_socket_path_is_too_long_to_connect_to_but_its_short_link_is_not()
    {
        const string uid = "0f4e6f1c-8d4b-4a57-9d5c-2a1f0b8e7c11";
        var socket = LauncherSocketPath.For("/var/lib/kubelet", uid);
        var link = LauncherSocketPath.Link("/run/vmaddon-agent", uid);

        LauncherSocketPath.Fits(socket).Should().BeFalse();
        LauncherSocketPath.Fits($"{link}/{LauncherSocketPath.FileName}").Should().BeTrue();
        LauncherSocketPath.LinkDirFits("/run/vmaddon-agent").Should().BeTrue();
        LauncherSocketPath.LinkDirFits("/" + new string('d', 60)).Should().BeFalse();
    }

    private static VirtualMachineInstance Vmi() => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "ns1" },
        Spec = new VirtualMachineInstanceSpec
        {
            Domain = new DomainSpec
            {
                Memory = new Memory { Guest = new("64Mi") },
                Devices = new Devices { Interfaces = [new Interface { Name = "default", Masquerade = new InterfaceMasquerade() }] },
            },
            Networks = [new Network { Name = "default", Pod = new PodNetwork() }],
        },
    };
}
