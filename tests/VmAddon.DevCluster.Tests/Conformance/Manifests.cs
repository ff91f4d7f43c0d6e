namespace VmAddon.DevCluster.Tests.Conformance;

/// <summary>Manifests the conformance tests apply.</summary>
internal static class Manifests
{
    public static string Vm(string name, string runStrategy = "Always", string extraLabels = "", string extraSpec = "") => $"""
        apiVersion: vmaddon.io/v1alpha1
        kind: VirtualMachine
        metadata:
          name: {name}
          labels:
            app: {name}{extraLabels}
        spec:
          runStrategy: {runStrategy}{extraSpec}
          template:
            spec:
              domain:
                devices:
                  disks:
                  - name: root
                    disk: {"{bus: virtio}"}
                memory:
                  guest: 128Mi
              volumes:
              - name: root
                containerDisk:
                  image: vmaddon/guest:latest

        """;

    public static string ConfigMap(string name, string ownerName = "", string ownerUid = "", string finalizers = "") => $$"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{name}}
        {{(ownerUid.Length > 0 ? $"  ownerReferences: [{{apiVersion: v1, kind: ConfigMap, name: {ownerName}, uid: {ownerUid}, blockOwnerDeletion: true}}]" : "")}}
        {{(finalizers.Length > 0 ? $"  finalizers: [{finalizers}]" : "")}}
        data:
          key: value

        """;
}
