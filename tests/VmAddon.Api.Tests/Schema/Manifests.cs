using System.Text.Json.Nodes;

namespace VmAddon.Api.Tests.Schema;

/// <summary>Small manifests the schema tests start from and then break one field at a time.</summary>
internal static class Manifests
{
    public static JsonObject VirtualMachine() => (JsonObject)JsonNode.Parse("""
        {
          "apiVersion": "vmaddon.io/v1alpha1",
          "kind": "VirtualMachine",
          "metadata": { "name": "demo", "namespace": "default", "labels": { "app": "demo" } },
          "spec": {
            "runStrategy": "Always",
            "template": {
              "metadata": { "labels": { "app": "demo" } },
              "spec": {
                "domain": {
                  "cpu": { "cores": 2 },
                  "memory": { "guest": "128Mi" },
                  "resources": { "requests": { "memory": "128Mi", "cpu": 1 } },
                  "devices": {
                    "disks": [
                      { "name": "containerdisk", "disk": { "bus": "virtio" } },
                      { "name": "cloudinitdisk", "cdrom": { "bus": "sata" } }
                    ],
                    "interfaces": [ { "name": "default", "masquerade": {}, "ports": [ { "port": 80 } ] } ],
                    "rng": {}
                  }
                },
                "networks": [ { "name": "default", "pod": {} } ],
                "nodeSelector": { "kubernetes.io/os": "linux" },
                "terminationGracePeriodSeconds": 0,
                "volumes": [
                  { "name": "containerdisk", "containerDisk": { "image": "quay.io/containerdisks/cirros:latest" } },
                  { "name": "cloudinitdisk", "cloudInitNoCloud": { "userData": "#cloud-config\n" } }
                ]
              }
            }
          },
          "status": {
            "printableStatus": "Running",
            "ready": true,
            "conditions": [ { "type": "Ready", "status": "True", "lastTransitionTime": "2025-01-02T03:04:05Z" } ]
          }
        }
        """)!;

    public static JsonObject Pool() => (JsonObject)JsonNode.Parse("""
        {
          "apiVersion": "vmaddon.io/v1alpha1",
          "kind": "VirtualMachinePool",
          "metadata": { "name": "pool" },
          "spec": {
            "replicas": 3,
            "selector": { "matchLabels": { "pool": "p" }, "matchExpressions": [ { "key": "tier", "operator": "In", "values": [ "web" ] } ] },
            "virtualMachineTemplate": {
              "metadata": { "labels": { "pool": "p" } },
              "spec": {
                "runStrategy": "Always",
                "template": { "spec": { "domain": { "devices": {} } } }
              }
            }
          }
        }
        """)!;

    /// <summary>Sets the value at a dotted path with [i] indexes, creating objects on the way.</summary>
    public static JsonObject With(this JsonObject manifest, string path, JsonNode? value)
    {
        var (parent, last) = Walk(manifest, path, create: true);
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
                break;
            default:
                throw new InvalidOperationException(path);
        }

        return manifest;
    }

    /// <summary>Removes the field at a dotted path.</summary>
    public static JsonObject Without(this JsonObject manifest, string path)
    {
        var (parent, last) = Walk(manifest, path, create: false);
        ((JsonObject)parent).Remove(last);
        return manifest;
    }

    private static (JsonNode Parent, string Last) Walk(JsonObject root, string path, bool create)
    {
        var parts = path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        JsonNode current = root;
        foreach (var part in parts[..^1])
        {
            JsonNode? next = current is JsonArray array
                ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]
                : current[part];
            if (next is null && create)
            {
                next = new JsonObject();
                ((JsonObject)current)[part] = next;
            }

            current = next ?? throw new InvalidOperationException($"{path}: no {part}");
        }

        return (current, parts[^1]);
    }
}
