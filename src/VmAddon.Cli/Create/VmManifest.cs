using System.Text.Json.Nodes;
using VmAddon.Api;
using VmAddon.Api.Schema;

namespace VmAddon.Cli.Create;

/// <summary>
/// The VirtualMachine kubectl vm create vm prints, as virtctl create vm does: a root disk from a containerDisk image,
/// the pod network (masquerade), and a cloud-init NoCloud disk when user data is given. Pure: options in, YAML out.
/// </summary>
internal static class VmManifest
{
    public const string DefaultImage = "vmaddon/guest:latest";

    public static string Yaml(VmManifestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var disks = new JsonArray(Disk("root"));
        var volumes = new JsonArray(new JsonObject { ["name"] = "root", ["containerDisk"] = new JsonObject { ["image"] = options.Image } });
        if (options.CloudInitUserData is { } userData)
        {
            disks.Add(Disk("cloudinit"));
            volumes.Add(new JsonObject { ["name"] = "cloudinit", ["cloudInitNoCloud"] = new JsonObject { ["userData"] = userData } });
        }

        var vm = new JsonObject
        {
            ["apiVersion"] = ApiGroup.ApiVersion,
            ["kind"] = ApiGroup.VirtualMachineKind,
            ["metadata"] = new JsonObject { ["name"] = options.Name },
            ["spec"] = new JsonObject
            {
                ["runStrategy"] = options.RunStrategy,
                ["template"] = new JsonObject
                {
                    ["spec"] = new JsonObject
                    {
                        ["domain"] = new JsonObject
                        {
                            ["cpu"] = new JsonObject { ["cores"] = options.Cpu },
                            ["memory"] = new JsonObject { ["guest"] = options.Memory },
                            ["devices"] = new JsonObject
                            {
                                ["disks"] = disks,
                                ["interfaces"] = new JsonArray(new JsonObject { ["name"] = "default", ["masquerade"] = new JsonObject() }),
                            },
                        },
                        ["networks"] = new JsonArray(new JsonObject { ["name"] = "default", ["pod"] = new JsonObject() }),
                        ["volumes"] = volumes,
                    },
                },
            },
        };
        return YamlWriter.Write(vm);
    }

    private static JsonObject Disk(string name) => new() { ["name"] = name, ["disk"] = new JsonObject { ["bus"] = "virtio" } };
}
