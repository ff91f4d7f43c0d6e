using System.Globalization;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>One served group/version and the names kube-apiserver derives from it for paths, operation ids and tags.</summary>
internal sealed record ApiGroupVersion(string Group, string Version)
{
    /// <summary>The URL prefix of its resources: <c>/api/v1</c> or <c>/apis/vmaddon.io/v1</c>.</summary>
    public string Prefix => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";

    /// <summary>The key of its document under /openapi/v3: <c>api/v1</c> or <c>apis/vmaddon.io/v1</c>.</summary>
    public string DocumentPath => Prefix[1..];

    /// <summary>The part of operation ids naming the group and version: <c>CoreV1</c>, <c>VmaddonIoV1</c>.</summary>
    public string OperationPart => GroupOperationPart(Group) + Capitalize(Version);

    /// <summary>The operation tag: <c>core_v1</c>, <c>vmaddonIo_v1</c>.</summary>
    public string Tag => GroupTag(Group) + "_" + Version;

    /// <summary>The operation-id form of a group alone: <c>Core</c>, <c>Coordination</c>, <c>VmaddonIo</c>.</summary>
    public static string GroupOperationPart(string group) => group.Length == 0 ? "Core" : string.Concat(Words(group).Select(Capitalize));

    /// <summary>The tag form of a group alone: <c>core</c>, <c>coordination</c>, <c>vmaddonIo</c>.</summary>
    public static string GroupTag(string group)
    {
        var part = GroupOperationPart(group);
        return char.ToLowerInvariant(part[0]) + part[1..];
    }

    private static IEnumerable<string> Words(string group)
    {
        var trimmed = group.EndsWith(".k8s.io", StringComparison.Ordinal) ? group[..^".k8s.io".Length] : group;
        return trimmed.Split('.', '-', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
