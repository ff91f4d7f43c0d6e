using k8s;
using k8s.Models;
using VmAddon.Api;

namespace VmAddon.Core.Tests.Launcher;

/// <summary>VMIs for launcher tests: the demo VMI of the golden test, and small edits of it.</summary>
internal static class TestVmis
{
    public const string DemoUid = "5d1f6a3e-8c2b-4f7a-9e10-6b2d3c4e5f60";

    public const string DemoJson = """
        {
          "apiVersion": "vmaddon.io/v1alpha1",
          "kind": "VirtualMachineInstance",
          "metadata": {
            "name": "demo",
            "namespace": "default",
            "uid": "5d1f6a3e-8c2b-4f7a-9e10-6b2d3c4e5f60",
            "labels": { "app": "demo" }
          },
          "spec": {
            "domain": {
              "memory": { "guest": "128Mi" },
              "devices": {
                "disks": [
                  { "name": "rootdisk", "disk": { "bus": "virtio" } },
                  { "name": "cloudinitdisk", "disk": { "bus": "virtio" } }
                ],
                "interfaces": [ { "name": "default", "masquerade": {}, "ports": [ { "name": "http", "port": 80 } ] } ]
              }
            },
            "networks": [ { "name": "default", "pod": {} } ],
            "volumes": [
              { "name": "rootdisk", "containerDisk": { "image": "vmaddon/guest:latest" } },
              { "name": "cloudinitdisk", "cloudInitNoCloud": { "userData": "#!/bin/sh\necho hello from cloud-init\n" } }
            ]
          }
        }
        """;

    public static VirtualMachineInstance Demo() => KubernetesJson.Deserialize<VirtualMachineInstance>(DemoJson);

    public static VirtualMachineInstance WithDomain(this VirtualMachineInstance vmi, Func<DomainSpec, DomainSpec> edit) =>
        vmi with { Spec = vmi.Spec with { Domain = edit(vmi.Spec.Domain) } };

    public static VirtualMachineInstance WithSpec(this VirtualMachineInstance vmi, Func<VirtualMachineInstanceSpec, VirtualMachineInstanceSpec> edit) =>
        vmi with { Spec = edit(vmi.Spec) };

    public static VirtualMachineInstance WithVolumes(this VirtualMachineInstance vmi, params Volume[] volumes) =>
        vmi.WithSpec(s => s with { Volumes = volumes });

    public static VirtualMachineInstance WithInterfaces(this VirtualMachineInstance vmi, params Interface[] interfaces) =>
        vmi.WithDomain(d => d with { Devices = d.Devices with { Interfaces = interfaces } });

    public static VirtualMachineInstance WithTopology(this VirtualMachineInstance vmi, int cores, int sockets, int threads = 1) =>
        vmi.WithDomain(d => d with { Cpu = new Cpu { Cores = cores, Sockets = sockets, Threads = threads } });

    public static VirtualMachineInstance WithResources(this VirtualMachineInstance vmi, ResourceRequirements resources) =>
        vmi.WithDomain(d => d with { Resources = resources });

    public static Dictionary<string, ResourceQuantity> Quantities(params (string Name, string Value)[] entries) =>
        entries.ToDictionary(e => e.Name, e => new ResourceQuantity(e.Value));
}
