namespace VmAddon.DevCluster.Http;

/// <summary>What a resource URL names: /api/v1/namespaces/ns/pods/name/status, /apis/group/version/plural, and the legacy /watch/ form.</summary>
public sealed record RequestTarget(string Group, string Version, string? Namespace, string Resource, string? Name, string? Subresource, bool LegacyWatch)
{
    /// <summary>Parses a resource path, or returns null when the path names no resource (discovery and other documents).</summary>
    public static RequestTarget? Parse(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group;
        string version;
        int rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }

        var legacyWatch = segments[rest] == "watch";
        if (legacyWatch)
        {
            rest++;
        }

        var tail = segments[rest..].Select(Uri.UnescapeDataString).ToArray();
        string? ns = null;
        // namespaces/{name}/status and /finalize are the namespace's own subresources, not a resource inside it.
        if (tail.Length >= 3 && tail[0] == "namespaces" && !(tail.Length == 3 && tail[2] is "status" or "finalize"))
        {
            ns = tail[1];
            tail = tail[2..];
        }

        return tail.Length switch
        {
            1 => new RequestTarget(group, version, ns, tail[0], null, null, legacyWatch),
            2 => new RequestTarget(group, version, ns, tail[0], tail[1], null, legacyWatch),
            3 => new RequestTarget(group, version, ns, tail[0], tail[1], tail[2], legacyWatch),
            _ => null,
        };
    }
}
