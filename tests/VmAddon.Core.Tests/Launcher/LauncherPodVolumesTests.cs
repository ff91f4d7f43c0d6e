using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Launcher;
using VmAddon.Core.Launcher.Plan;

namespace VmAddon.Core.Tests.Launcher;

public sealed class LauncherPodVolumesTests
{
    private static readonly LauncherPodOptions s_options = new() { SoftwareEmulation = true };

    private static V1Pod Render(VirtualMachineInstance vmi) => LauncherPodRenderer.Render(vmi, s_options);

    private static V1Container Compute(V1Pod pod) => pod.Spec.Containers.Single(c => c.Name == "compute");

    private static LauncherPlan Plan(V1Pod pod) => LauncherPlan.Parse([.. Compute(pod).Args]);

    private static Volume ContainerDisk(string name, string image, string? path = null) =>
        new() { Name = name, ContainerDisk = new ContainerDiskSource { Image = image, Path = path } };

    private static Volume CloudInit(string name, CloudInitNoCloudSource source) => new() { Name = name, CloudInitNoCloud = source };

    [Fact]
    public void Pod_Has_EmptyDirs_For_Libvirt_Private_State_And_Disk_Overlays()
    {
        var pod = Render(TestVmis.Demo().WithVolumes());

        pod.Spec.Volumes.Where(v => v.EmptyDir is not null).Select(v => v.Name)
            .Should().BeEquivalentTo(LauncherLayout.LibvirtRuntimeVolume, LauncherLayout.PrivateVolume, LauncherLayout.EphemeralDisksVolume);
        Compute(pod).VolumeMounts.Select(m => m.MountPath)
            .Should().Contain([LauncherLayout.LibvirtRuntimeDir, LauncherLayout.PrivateDir, LauncherLayout.EphemeralDisksDir]);
    }

    [Fact]
    public void Each_ContainerDisk_Gets_An_Image_Volume_Mounted_Read_Only()
    {
        var vmi = TestVmis.Demo().WithVolumes(
            ContainerDisk("rootdisk", "registry.example/os:1"),
            ContainerDisk("tools", "registry.example/tools:2") with
            {
                ContainerDisk = new ContainerDiskSource { Image = "registry.example/tools:2", ImagePullPolicy = "Always" },
            });

        var pod = Render(vmi);

        var images = pod.Spec.Volumes.Where(v => v.Image is not null).ToList();
        images.Select(v => $"{v.Name} {v.Image.Reference} {v.Image.PullPolicy ?? "-"}").Should().Equal(
            "container-disk-rootdisk registry.example/os:1 -",
            "container-disk-tools registry.example/tools:2 Always");
        foreach (var (volume, name) in new[] { ("rootdisk", "container-disk-rootdisk"), ("tools", "container-disk-tools") })
        {
            Compute(pod).VolumeMounts.Should().ContainSingle(m => m.Name == name)
                .Which.Should().Match<V1VolumeMount>(m => m.MountPath == LauncherLayout.ContainerDiskMountDir(volume) && m.ReadOnlyProperty == true);
        }
    }

    [Theory]
    [InlineData(null, "/var/run/vmaddon/container-disks/rootdisk/disk")]
    [InlineData("/images/os.qcow2", "/var/run/vmaddon/container-disks/rootdisk/images/os.qcow2")]
    public void Launcher_Is_Told_To_Put_An_Overlay_Over_Each_ContainerDisk(string? path, string backing)
    {
        var pod = Render(TestVmis.Demo().WithVolumes(ContainerDisk("rootdisk", "registry.example/os:1", path)));

        Plan(pod).ContainerDisks.Should().Equal(new ContainerDiskOverlay(LauncherLayout.ContainerDiskOverlayPath("rootdisk"), backing));
        Compute(pod).Args.Should().ContainInConsecutiveOrder("--container-disk", $"{LauncherLayout.ContainerDiskOverlayPath("rootdisk")}={backing}");
    }

    [Fact]
    public void ContainerDisk_Pull_Secrets_Become_Pod_Image_Pull_Secrets_Once()
    {
        var vmi = TestVmis.Demo().WithVolumes(
            new Volume { Name = "a", ContainerDisk = new ContainerDiskSource { Image = "r/a", ImagePullSecret = "regcred" } },
            new Volume { Name = "b", ContainerDisk = new ContainerDiskSource { Image = "r/b", ImagePullSecret = "regcred" } });

        Render(vmi).Spec.ImagePullSecrets.Should().ContainSingle().Which.Name.Should().Be("regcred");
    }

    [Fact]
    public void KernelBoot_Container_Is_An_Image_Volume_At_The_Kernel_Boot_Dir()
    {
        var vmi = TestVmis.Demo().WithDomain(d => d with
        {
            Firmware = new Firmware { KernelBoot = new KernelBoot { Container = new KernelBootContainer { Image = "r/kernel:6.1", KernelPath = "/boot/vmlinuz" } } },
        });

        var pod = Render(vmi);

        pod.Spec.Volumes.Should().ContainSingle(v => v.Name == LauncherLayout.KernelBootVolume).Which.Image.Reference.Should().Be("r/kernel:6.1");
        Compute(pod).VolumeMounts.Should().ContainSingle(m => m.Name == LauncherLayout.KernelBootVolume)
            .Which.Should().Match<V1VolumeMount>(m => m.MountPath == LauncherLayout.KernelBootDir && m.ReadOnlyProperty == true);
    }

    [Fact]
    public void Launcher_Is_Told_The_Size_Of_Each_EmptyDisk_In_Bytes()
    {
        var vmi = TestVmis.Demo().WithVolumes(new Volume { Name = "scratch", EmptyDisk = new EmptyDiskSource { Capacity = new ResourceQuantity("2Gi") } });

        Plan(Render(vmi)).EmptyDisks.Should().Equal(new EmptyDiskImage(LauncherLayout.EmptyDiskPath("scratch"), 2L * 1024 * 1024 * 1024));
    }

    [Fact]
    public void Inline_Cloud_Init_Files_Are_Projected_From_Pod_Annotations()
    {
        var vmi = TestVmis.Demo().WithVolumes(CloudInit("seed", new CloudInitNoCloudSource { UserData = "#cloud-config\n", NetworkData = "version: 2\n" }));

        var pod = Render(vmi);

        var volume = pod.Spec.Volumes.Should().ContainSingle(v => v.Name == "cloud-init-seed").Subject;
        var files = volume.Projected.Sources.Should().ContainSingle().Subject.DownwardAPI.Items;
        files.Select(f => f.Path).Should().Equal("meta-data", "user-data", "network-config");
        foreach (var file in files)
        {
            var key = file.FieldRef.FieldPath["metadata.annotations['".Length..^"']".Length];
            pod.Metadata.Annotations.Should().ContainKey(key);
        }

        pod.Metadata.Annotations.Should().Contain("cloud-init.vmaddon.io/user-data-seed", "#cloud-config\n");
        pod.Metadata.Annotations.Should().Contain("cloud-init.vmaddon.io/network-config-seed", "version: 2\n");
        pod.Metadata.Annotations["cloud-init.vmaddon.io/meta-data-seed"].Should().Contain("local-hostname: demo");
        Compute(pod).VolumeMounts.Should().ContainSingle(m => m.Name == "cloud-init-seed")
            .Which.Should().Match<V1VolumeMount>(m => m.MountPath == LauncherLayout.CloudInitSourceDir("seed") && m.ReadOnlyProperty == true);
        Plan(pod).CloudInitSeeds.Should().Equal(new CloudInitSeedImage(LauncherLayout.CloudInitSourceDir("seed"), LauncherLayout.CloudInitIsoPath("seed")));
    }

    [Fact]
    public void Base64_Cloud_Init_Data_Reaches_The_Pod_Decoded()
    {
        var vmi = TestVmis.Demo().WithVolumes(CloudInit("seed", new CloudInitNoCloudSource
        {
            UserDataBase64 = Convert.ToBase64String("#!/bin/sh\necho hi\n"u8.ToArray()),
        }));

        Render(vmi).Metadata.Annotations.Should().Contain("cloud-init.vmaddon.io/user-data-seed", "#!/bin/sh\necho hi\n");
    }

    [Fact]
    public void Secret_Cloud_Init_Data_Is_Projected_From_The_Secret_Under_Both_Key_Spellings()
    {
        var vmi = TestVmis.Demo().WithVolumes(CloudInit("seed", new CloudInitNoCloudSource
        {
            SecretRef = new V1LocalObjectReference { Name = "my-user-data" },
            NetworkDataSecretRef = new V1LocalObjectReference { Name = "my-network-data" },
        }));

        var pod = Render(vmi);

        var sources = pod.Spec.Volumes.Single(v => v.Name == "cloud-init-seed").Projected.Sources;
        sources[0].DownwardAPI.Items.Select(f => f.Path).Should().Equal("meta-data");
        var secrets = sources.Where(s => s.Secret is not null).Select(s => s.Secret).ToList();
        secrets.Select(s => (s.Name, string.Join(",", s.Items.Select(i => $"{i.Key}->{i.Path}")), s.Optional)).Should().Equal(
            ("my-user-data", "userdata->userdata,userData->userData", true),
            ("my-network-data", "networkdata->networkdata,networkData->networkData", true));
        pod.Metadata.Annotations.Keys.Should().NotContain(k => k.Contains("user-data", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("persistentVolumeClaim")]
    [InlineData("hostDisk")]
    public void Unsupported_Volumes_Are_Rejected_Naming_The_Field(string kind)
    {
        var volume = kind == "hostDisk"
            ? new Volume { Name = "data", HostDisk = new HostDiskSource { Path = "/data.img" } }
            : new Volume { Name = "data", PersistentVolumeClaim = new PersistentVolumeClaimSource { ClaimName = "pvc" } };
        var vmi = TestVmis.Demo().WithVolumes(ContainerDisk("rootdisk", "r/os"), volume);

        var act = () => Render(vmi);

        act.Should().Throw<NotSupportedException>().WithMessage($"spec.volumes[1].{kind}: *");
    }

    [Fact]
    public void A_Volume_Without_A_Source_Is_Rejected_Naming_The_Field()
    {
        var act = () => Render(TestVmis.Demo().WithVolumes(new Volume { Name = "empty" }));

        act.Should().Throw<NotSupportedException>().WithMessage("spec.volumes[0]: *");
    }
}
