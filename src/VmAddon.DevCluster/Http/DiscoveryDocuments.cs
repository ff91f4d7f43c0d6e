using System.Text.Json.Nodes;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.Http;

/// <summary>The legacy discovery documents (/api, /apis, /api/v1, /apis/{group}/{version}) built from the catalog.</summary>
public static class DiscoveryDocuments
{
    /// <summary>The Kubernetes version this server reports; kubectl's dispatcher picks its client by it.</summary>
    public const string Minor = "32";

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = Minor,
        ["gitVersion"] = $"v1.{Minor}.0-vmaddon-dev",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject Groups(ResourceCatalog catalog) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. catalog.Groups().Where(g => g.Group.Length > 0).Select(g => (JsonNode)Group(g.Group, g.Versions))]),
    };

    public static JsonObject Group(string group, IReadOnlyList<string> versions) => new()
    {
        ["kind"] = "APIGroup",
        ["apiVersion"] = "v1",
        ["name"] = group,
        ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)GroupVersion(group, v))]),
        ["preferredVersion"] = GroupVersion(group, versions[0]),
    };

    /// <summary>The APIResourceList of one group version, or null when nothing is served there.</summary>
    public static JsonObject? Resources(ResourceCatalog catalog, string group, string version)
    {
        var served = catalog.All.Where(r => r.Group == group && r.Version == version).ToList();
        if (served.Count == 0)
        {
            return null;
        }

        var list = new JsonArray();
        foreach (var resource in served)
        {
            list.Add(Entry(resource));
            foreach (var sub in Subresources(resource))
            {
                list.Add(sub);
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = list,
        };
    }

    private static JsonObject GroupVersion(string group, string version) => new() { ["groupVersion"] = $"{group}/{version}", ["version"] = version };

    private static JsonObject Entry(ApiResource resource)
    {
        var entry = new JsonObject
        {
            ["name"] = resource.Plural,
            ["singularName"] = resource.Singular,
            ["namespaced"] = resource.Namespaced,
            ["kind"] = resource.Kind,
            ["verbs"] = Strings(resource.Verbs),
        };
        if (resource.ShortNames.Count > 0)
        {
            entry["shortNames"] = Strings(resource.ShortNames);
        }

        if (resource.Categories.Count > 0)
        {
            entry["categories"] = Strings(resource.Categories);
        }

        entry["storageVersionHash"] = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{resource.Group}/{resource.Version}/{resource.Kind}")))[..11];
        return entry;
    }

    private static IEnumerable<JsonObject> Subresources(ApiResource resource)
    {
        if (resource.HasStatus)
        {
            yield return Sub(resource, "status", resource.Kind, ["get", "patch", "update"]);
        }

        if (resource.Scale is not null)
        {
            yield return Sub(resource, "scale", "Scale", ["get", "patch", "update"], "autoscaling", "v1");
        }

        foreach (var (name, verbs) in resource.OtherSubresources)
        {
            yield return name switch
            {
                "binding" => Sub(resource, name, "Binding", verbs),
                "eviction" => Sub(resource, name, "Eviction", verbs, "policy", "v1"),
                "exec" => Sub(resource, name, "PodExecOptions", verbs),
                _ => Sub(resource, name, resource.Kind, verbs),
            };
        }
    }

    private static JsonObject Sub(ApiResource resource, string name, string kind, IReadOnlyList<string> verbs, string? group = null, string? version = null)
    {
        var entry = new JsonObject
        {
            ["name"] = $"{resource.Plural}/{name}",
            ["singularName"] = "",
            ["namespaced"] = resource.Namespaced,
        };
        if (group is not null)
        {
            entry["group"] = group;
            entry["version"] = version;
        }

        entry["kind"] = kind;
        entry["verbs"] = Strings(verbs);
        return entry;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);
}
