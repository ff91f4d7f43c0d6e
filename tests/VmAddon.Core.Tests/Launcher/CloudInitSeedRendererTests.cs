using System.Text;
using VmAddon.Api;
using VmAddon.Core.CloudInit;

namespace VmAddon.Core.Tests.Launcher;

public sealed class CloudInitSeedRendererTests
{
    private static VirtualMachineInstance Vmi(string name, string? hostname, CloudInitNoCloudSource source)
    {
        var vmi = TestVmis.Demo()
            .WithSpec(s => s with { Hostname = hostname })
            .WithVolumes(new Volume { Name = "seed", CloudInitNoCloud = source });
        vmi.Metadata.Name = name;
        return vmi;
    }

    [Theory]
    [InlineData("demo", null, "instance-id: demo.default\nlocal-hostname: demo\n")]
    [InlineData("demo", "", "instance-id: demo.default\nlocal-hostname: demo\n")]
    [InlineData("demo", "web01", "instance-id: demo.default\nlocal-hostname: web01\n")]
    [InlineData("123", null, "instance-id: 123.default\nlocal-hostname: \"123\"\n")]
    [InlineData("yes", null, "instance-id: yes.default\nlocal-hostname: \"yes\"\n")]
    public void Meta_Data_Names_The_Instance_And_Falls_Back_To_The_Vmi_Name_For_The_Hostname(string name, string? hostname, string expected)
    {
        CloudInitSeedRenderer.Render(Vmi(name, hostname, new CloudInitNoCloudSource()), "seed").MetaData.Should().Be(expected);
    }

    [Fact]
    public void Base64_User_And_Network_Data_Are_Decoded()
    {
        var seed = CloudInitSeedRenderer.Render(Vmi("demo", null, new CloudInitNoCloudSource
        {
            UserDataBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("#cloud-config\npassword: été\n")),
            NetworkDataBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("version: 2\n")),
        }), "seed");

        seed.UserData.Should().Be("#cloud-config\npassword: été\n");
        seed.NetworkData.Should().Be("version: 2\n");
    }

    [Fact]
    public void Inline_Data_Is_Taken_As_Is()
    {
        var seed = CloudInitSeedRenderer.Render(Vmi("demo", null, new CloudInitNoCloudSource { UserData = "#!/bin/sh\n", NetworkData = "version: 1\n" }), "seed");

        seed.Should().Be(new NoCloudSeed("instance-id: demo.default\nlocal-hostname: demo\n", "#!/bin/sh\n", "version: 1\n"));
    }

    [Fact]
    public void Secret_Data_Is_Left_To_The_Launcher()
    {
        var seed = CloudInitSeedRenderer.Render(Vmi("demo", null, new CloudInitNoCloudSource
        {
            SecretRef = new k8s.Models.V1LocalObjectReference { Name = "s" },
        }), "seed");

        seed.UserData.Should().BeNull();
        seed.NetworkData.Should().BeNull();
    }

    [Fact]
    public void Malformed_Base64_Is_Rejected_Naming_The_Field()
    {
        var act = () => CloudInitSeedRenderer.Render(Vmi("demo", null, new CloudInitNoCloudSource { NetworkDataBase64 = "not base64!" }), "seed");

        act.Should().Throw<ArgumentException>().WithMessage("spec.volumes[0].cloudInitNoCloud.networkDataBase64: *");
    }

    [Fact]
    public void A_Volume_That_Is_Not_Cloud_Init_Is_Rejected()
    {
        var act = () => CloudInitSeedRenderer.Render(TestVmis.Demo(), "rootdisk");

        act.Should().Throw<ArgumentException>().WithMessage("*no cloudInitNoCloud volume \"rootdisk\"*");
    }
}
