using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>The <c>x-kubernetes-group-version-kind</c> value: an object with exactly group, kind and version, as kubectl compares it.</summary>
internal static class Gvk
{
    public const string Extension = "x-kubernetes-group-version-kind";

    public static JsonObject Of(string group, string version, string kind) => new()
    {
        ["group"] = group,
        ["kind"] = kind,
        ["version"] = version,
    };
}
