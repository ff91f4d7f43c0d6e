using VmAddon.Core.Domain;
using VmAddon.Core.Tests.Support;

namespace VmAddon.Core.Tests.Domain;

/// <summary>libvirt's own schema judges the XML of VMIs that together use every feature the renderer knows.</summary>
public sealed class LibvirtSchemaTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        {
            "bios, virtio containerDisk, cloud-init, masquerade with ports, rng, serial",
            """
            {
              "domain": {
                "devices": {
                  "disks": [ { "name": "containerdisk", "disk": { "bus": "virtio" }, "bootOrder": 1 }, { "name": "cloudinitdisk", "disk": { "bus": "virtio" } } ],
                  "interfaces": [ { "name": "default", "masquerade": {}, "ports": [ { "port": 80 }, { "port": 22, "protocol": "TCP" }, { "port": 53, "protocol": "UDP" } ] } ],
                  "rng": {}
                },
                "firmware": { "bootloader": { "bios": { "useSerial": true } } },
                "memory": { "guest": "1024M" }
              },
              "networks": [ { "name": "default", "pod": {} } ],
              "volumes": [
                { "name": "containerdisk", "containerDisk": { "image": "quay.io/containerdisks/fedora:latest" } },
                { "name": "cloudinitdisk", "cloudInitNoCloud": { "userData": "#cloud-config" } }
              ]
            }
            """,
            true
        },
        {
            "efi with secure boot off, custom cpu model and topology, cache, serial numbers, smbios serial",
            """
            {
              "domain": {
                "cpu": { "sockets": 2, "cores": 2, "threads": 2, "model": "Skylake-Client" },
                "devices": {
                  "disks": [ { "name": "root", "disk": {}, "bootOrder": 1, "serial": "ROOT-0001", "cache": "none" },
                             { "name": "data", "disk": { "readonly": true }, "serial": "DATA.2", "cache": "writeback" } ]
                },
                "firmware": { "uuid": "5d307ca9-b3ef-428c-8861-06e72d69f223", "serial": "e4686d2c-6e8d-4335-b8fd-81bee22f4814",
                              "bootloader": { "efi": { "secureBoot": false } } },
                "machine": { "type": "q35" },
                "memory": { "guest": "1Gi" }
              },
              "volumes": [ { "name": "root", "containerDisk": { "image": "i" } }, { "name": "data", "emptyDisk": { "capacity": "1Gi" } } ]
            }
            """,
            false
        },
        {
            "kernel boot with host-passthrough, no serial console, no balloon, no pod nic",
            """
            {
              "domain": {
                "cpu": { "cores": 2, "model": "host-passthrough" },
                "devices": { "autoattachSerialConsole": false, "autoattachMemBalloon": false, "autoattachPodInterface": false },
                "firmware": { "kernelBoot": { "kernelArgs": "console=ttyS0 quiet", "container": { "image": "k", "kernelPath": "/boot/vmlinuz", "initrdPath": "/boot/initrd.img" } } },
                "memory": { "guest": "512Mi" }
              }
            }
            """,
            false
        },
        {
            "sata and scsi disks, cdroms on both buses, emptyDisk, pc machine, host-model",
            """
            {
              "domain": {
                "cpu": { "model": "host-model" },
                "devices": {
                  "disks": [
                    { "name": "root", "disk": { "bus": "sata" }, "bootOrder": 2 },
                    { "name": "scratch", "disk": { "bus": "scsi" }, "serial": "SCRATCH" },
                    { "name": "installer", "cdrom": { "bus": "sata" }, "bootOrder": 1 },
                    { "name": "drivers", "cdrom": { "bus": "scsi", "readonly": true } },
                    { "name": "seed", "cdrom": {} }
                  ]
                },
                "machine": { "type": "pc" },
                "memory": { "guest": "2Gi" }
              },
              "volumes": [
                { "name": "root", "containerDisk": { "image": "r" } },
                { "name": "scratch", "emptyDisk": { "capacity": "10Gi" } },
                { "name": "installer", "containerDisk": { "image": "iso" } },
                { "name": "drivers", "containerDisk": { "image": "drv" } },
                { "name": "seed", "cloudInitNoCloud": { "userData": "#cloud-config" } }
              ]
            }
            """,
            true
        },
        {
            "bridge binding and a second masquerade nic with mac, model and network boot",
            """
            {
              "domain": {
                "devices": {
                  "disks": [ { "name": "root", "disk": { "bus": "sata" } }, { "name": "seed", "disk": { "bus": "sata" } } ],
                  "interfaces": [
                    { "name": "default", "bridge": {}, "macAddress": "02:00:00:aa:bb:cc", "model": "e1000e", "bootOrder": 2 },
                    { "name": "second", "masquerade": {}, "model": "rtl8139", "macAddress": "02-00-00-AA-BB-CD", "bootOrder": 1, "ports": [ { "port": 8080 } ] }
                  ],
                  "rng": {}
                },
                "memory": { "guest": "256Mi" }
              },
              "networks": [ { "name": "default", "pod": {} }, { "name": "second", "pod": {} } ],
              "volumes": [ { "name": "root", "containerDisk": { "image": "r" } }, { "name": "seed", "cloudInitNoCloud": { "userData": "#cloud-config" } } ]
            }
            """,
            false
        },
        {
            "smallest vmi after defaulting",
            """{ "domain": { "devices": {}, "resources": { "requests": { "memory": "128Mi" } } }, "volumes": [ { "name": "containerdisk", "containerDisk": { "image": "c" } } ] }""",
            true
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendered_Domain_Is_Valid_Libvirt_Xml(string description, string specJson, bool softwareEmulation)
    {
        var vmi = TestVmis.WithSpec(specJson);

        var xml = DomainXmlWriter.Write(DomainRenderer.Render(vmi, new DomainRenderOptions { SoftwareEmulation = softwareEmulation }));

        description.Should().NotBeEmpty("it names the case in the test output");
        VirtXmlValidator.AssertValid(xml);
    }

    [Fact]
    public void Validator_Rejects_Xml_That_Libvirt_Would_Refuse()
    {
        var act = () => VirtXmlValidator.AssertValid("<domain type='qemu'><name>x</name><memory>1</memory><os><type>hvm</type></os><bogus/></domain>");

        act.Should().Throw<Exception>().WithMessage("*schema must accept*");
    }
}
