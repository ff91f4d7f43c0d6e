namespace VmAddon.TestHost;

/// <summary>The VMs tests and make bench run: the test guest with a cloud-init script and its web page on port 80.</summary>
public static class GuestManifests
{
    /// <summary>What the test guest prints on its serial console once it is up.</summary>
    public const string GuestBanner = "VMADDON-GUEST-READY";

    /// <summary>The VM the hypervisor tests run in their sandboxes (namespace hv).</summary>
    public static string LegacyApp(string name = "legacy", string memory = "128Mi") => Vm(name, "hv", memory: memory);

    /// <summary>
    /// A VM of the test guest, as examples/legacy-app.yaml. <paramref name="userData"/> is one line of shell;
    /// <paramref name="nodeSelector"/> a YAML flow mapping's content, such as <c>disk: ssd</c>. A guest deleted while
    /// it still boots cannot hear its power button, so it takes its whole grace period to go: tests that delete such
    /// guests give a short one.
    /// </summary>
    public static string Vm(string name, string ns = "default", string runStrategy = "Always", string memory = "128Mi",
        string userData = "echo \"USERDATA-RAN on $(hostname)\"", string? nodeSelector = null, int graceSeconds = 60) => $$"""
        apiVersion: vmaddon.io/v1alpha1
        kind: VirtualMachine
        metadata:
          name: {{name}}
          namespace: {{ns}}
        spec:
          runStrategy: {{runStrategy}}
          template:
            metadata:
              labels:
                app: {{name}}
            spec:
              terminationGracePeriodSeconds: {{graceSeconds}}
              nodeSelector: {{{nodeSelector ?? ""}}}
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
                    - name: http
                      port: 80
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
                    {{userData}}
        """;
}
