namespace VmAddon.Api.Tests.Manifests;

/// <summary>Small valid manifests that tests change one field of.</summary>
internal static class ManifestText
{
    public const string VirtualMachine = """
        apiVersion: vmaddon.io/v1alpha1
        kind: VirtualMachine
        metadata:
          name: legacy-app
        spec:
          runStrategy: Always
          template:
            metadata:
              labels:
                app: legacy
            spec:
              domain:
                cpu:
                  cores: 2
                memory:
                  guest: 128Mi
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
                    echo hello
        """;

    /// <summary>Replaces the first occurrence of <paramref name="from"/>, failing the test if there is none.</summary>
    public static string With(this string manifest, string from, string to)
    {
        var index = manifest.IndexOf(from, StringComparison.Ordinal);
        Assert.True(index >= 0, $"the manifest has no \"{from}\"");
        return string.Concat(manifest.AsSpan(0, index), to, manifest.AsSpan(index + from.Length));
    }
}
