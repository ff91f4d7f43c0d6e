using k8s;
using VmAddon.Api;
using VmAddon.Core.Instances;

namespace VmAddon.Core.Tests.Instances;

public sealed class PoolReplicaRendererTests
{
    private const string PoolJson = """
        {
          "apiVersion": "vmaddon.io/v1alpha1",
          "kind": "VirtualMachinePool",
          "metadata": { "name": "web", "namespace": "shop", "uid": "7a1e0c44-2222-4d0e-8f11-0a0b0c0d0e0f" },
          "spec": {
            "replicas": 3,
            "selector": { "matchLabels": { "pool": "web" } },
            "virtualMachineTemplate": {
              "metadata": { "labels": { "pool": "web" }, "annotations": { "note": "n" } },
              "spec": {
                "runStrategy": "Always",
                "template": {
                  "metadata": { "labels": { "pool": "web" } },
                  "spec": { "domain": { "memory": { "guest": "64Mi" }, "devices": {} } }
                }
              }
            }
          }
        }
        """;

    private static VirtualMachinePool Pool() => KubernetesJson.Deserialize<VirtualMachinePool>(PoolJson);

    [Theory]
    [InlineData(0, "web-0")]
    [InlineData(2, "web-2")]
    [InlineData(10, "web-10")]
    public void Render_Names_The_Replica_Pool_Dash_Index(int index, string expected)
    {
        var vm = PoolReplicaRenderer.Render(Pool(), index);

        vm.Metadata.Name.Should().Be(expected);
        vm.Metadata.NamespaceProperty.Should().Be("shop");
    }

    [Fact]
    public void Render_Gives_The_Replica_The_Template_Labels_So_The_Selector_Matches()
    {
        var vm = PoolReplicaRenderer.Render(Pool(), 0);

        vm.Metadata.Labels.Should().Contain("pool", "web");
        vm.Metadata.Annotations.Should().Contain("note", "n");
    }

    [Fact]
    public void Render_Makes_The_Pool_The_Controlling_Owner()
    {
        var owner = PoolReplicaRenderer.Render(Pool(), 1).Metadata.OwnerReferences.Should().ContainSingle().Subject;

        owner.Kind.Should().Be("VirtualMachinePool");
        owner.ApiVersion.Should().Be("vmaddon.io/v1alpha1");
        owner.Name.Should().Be("web");
        owner.Uid.Should().Be("7a1e0c44-2222-4d0e-8f11-0a0b0c0d0e0f");
        owner.Controller.Should().BeTrue();
        owner.BlockOwnerDeletion.Should().BeTrue();
    }

    [Fact]
    public void Render_Gives_Each_Replica_Its_Own_Firmware_Uuid()
    {
        var first = PoolReplicaRenderer.Render(Pool(), 0).Spec.Template.Spec!.Domain.Firmware!.Uuid;
        var second = PoolReplicaRenderer.Render(Pool(), 1).Spec.Template.Spec!.Domain.Firmware!.Uuid;

        first.Should().NotBeNullOrEmpty().And.NotBe(second);
    }

    [Fact]
    public void Render_Rejects_A_Negative_Index()
    {
        var act = () => PoolReplicaRenderer.Render(Pool(), -1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
