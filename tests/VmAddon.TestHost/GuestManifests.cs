namespace VmAddon.TestHost;

/// <summary>The VM the hypervisor tests run: the test guest with a cloud-init script and its web page on port 80.</summary>
public static class GuestManifests
{
    public static string LegacyApp(string name = "legacy", string memory = "128Mi") => $$"""
        apiVersion: vmaddon.io/v1alpha1
        kind: VirtualMachine
        metadata:
          name: {{name}}
          namespace: hv
        spec:
          runStrategy: Always
          template:
            spec:
              terminationGracePeriodSeconds: 60
              domain:
                memory:
                  guest: {{memory}}
                devices:
                  disks:
                  - name: root
                    disk:
                      bus: virtio
                  - name: seed
                    disk:
                      bus: virtio
                  interfaces:
                  - name: default
                    masquerade: {}
                    ports:
                    - port: 80
              networks:
              - name: default
                pod: {}
              volumes:
              - name: root
                containerDisk:
                  image: vmaddon/guest:latest
              - name: seed
                cloudInitNoCloud:
                  userData: |
                    #!/bin/sh
                    echo "USERDATA-RAN on $(hostname)"
        """;
}
