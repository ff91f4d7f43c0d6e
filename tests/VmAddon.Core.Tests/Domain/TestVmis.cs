using k8s;
using VmAddon.Api;

namespace VmAddon.Core.Tests.Domain;

/// <summary>VMIs for domain tests, written as users write them (JSON shaped like KubeVirt's) and then defaulted.</summary>
internal static class TestVmis
{
    /// <summary>A defaulted VMI from its JSON.</summary>
    public static VirtualMachineInstance FromJson(string json) =>
        ResourceDefaulter.Apply(KubernetesJson.Deserialize<VirtualMachineInstance>(json));

    /// <summary>A defaulted VMI named testvm in namespace demo with the given spec JSON.</summary>
    public static VirtualMachineInstance WithSpec(string specJson) => FromJson($$"""
        {
          "apiVersion": "vmaddon.io/v1alpha1",
          "kind": "VirtualMachineInstance",
          "metadata": { "name": "testvm", "namespace": "demo" },
          "spec": {{specJson}}
        }
        """);

    /// <summary>The smallest VMI: 128Mi and one containerDisk, defaulted (so it also gets the masquerade pod interface).</summary>
    public static VirtualMachineInstance Minimal() => WithSpec("""
        {
          "domain": { "devices": {}, "memory": { "guest": "128Mi" } },
          "volumes": [ { "name": "containerdisk", "containerDisk": { "image": "quay.io/containerdisks/cirros:latest" } } ]
        }
        """);

    /// <summary>The VMI the final report shows: a virtio containerDisk, a NoCloud seed and masquerade with port 80.</summary>
    public static VirtualMachineInstance ContainerDiskCloudInitMasquerade() => WithSpec("""
        {
          "domain": {
            "devices": {
              "disks": [
                { "name": "containerdisk", "disk": { "bus": "virtio" } },
                { "name": "cloudinitdisk", "disk": { "bus": "virtio" } }
              ],
              "interfaces": [ { "name": "default", "masquerade": {}, "ports": [ { "name": "http", "port": 80 } ] } ]
            },
            "memory": { "guest": "1Gi" }
          },
          "networks": [ { "name": "default", "pod": {} } ],
          "volumes": [
            { "name": "containerdisk", "containerDisk": { "image": "quay.io/containerdisks/fedora:latest" } },
            { "name": "cloudinitdisk", "cloudInitNoCloud": { "userData": "#cloud-config\npassword: fedora\n" } }
          ]
        }
        """);
}
