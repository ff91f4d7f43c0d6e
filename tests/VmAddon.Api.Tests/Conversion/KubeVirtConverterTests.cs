using VmAddon.Api.Conversion;
using VmAddon.Api.Manifests;

namespace VmAddon.Api.Tests.Conversion;

public class KubeVirtConverterTests
{
    private const string KubeVirtVmi = """
        # a KubeVirt example
        apiVersion: kubevirt.io/v1
        kind: VirtualMachineInstance
        metadata:
          name: vmi-ephemeral
        spec:
          domain:
            devices:
              disks:
              - disk:
                  bus: virtio
                name: containerdisk
            memory:
              guest: 128Mi
          volumes:
          - containerDisk:
              image: registry:5000/kubevirt/cirros-container-disk-demo:devel
            name: containerdisk
        """;

    [Fact]
    public void Convert_rewrites_only_the_api_version_and_keeps_comments()
    {
        var result = KubeVirtConverter.Convert(KubeVirtVmi);

        result.Text.Should().Be(KubeVirtVmi.Replace("kubevirt.io/v1", "vmaddon.io/v1alpha1", StringComparison.Ordinal));
        result.Warnings.Should().BeEmpty();
        ManifestLoader.Load(result.Text).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Convert_rewrites_a_pool_from_its_own_group()
    {
        var pool = "apiVersion: pool.kubevirt.io/v1beta1\nkind: VirtualMachinePool\nmetadata:\n  name: p\n";

        KubeVirtConverter.Convert(pool).Text.Should().StartWith("apiVersion: vmaddon.io/v1alpha1\nkind: VirtualMachinePool");
    }

    [Fact]
    public void Convert_warns_about_a_kind_vmaddon_does_not_serve_and_leaves_it_unchanged()
    {
        var replicaSet = "apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstanceReplicaSet\nmetadata:\n  name: rs\n";

        var result = KubeVirtConverter.Convert(replicaSet);

        result.Text.Should().Be(replicaSet);
        result.Warnings.Should().ContainSingle().Which.ToString().Should().Contain("VirtualMachineInstanceReplicaSet").And.Contain("left unchanged");
    }

    [Fact]
    public void Convert_warns_about_fields_vmaddon_does_not_support()
    {
        var hostDisk = KubeVirtVmi.Replace(
            "containerDisk:\n      image: registry:5000/kubevirt/cirros-container-disk-demo:devel",
            "hostDisk:\n      path: /var/data/disk.img\n      type: DiskOrCreate",
            StringComparison.Ordinal);

        var warning = KubeVirtConverter.Convert(hostDisk).Warnings.Should().ContainSingle().Subject;

        warning.ToString().Should().Contain("spec.volumes[0].hostDisk: a hostDisk volume is not supported by VmAddon yet");
        warning.Line.Should().Be(16);
    }
}
