using k8s.Models;

namespace VmAddon.DevCluster.Nodes;

/// <summary>The downward API: the values a pod may read about itself through fieldRef, in env and in downwardAPI volumes.</summary>
public static class PodFields
{
    private const string Labels = "metadata.labels['";
    private const string Annotations = "metadata.annotations['";

    /// <summary>The value of a field path; null when the path is not one the downward API offers.</summary>
    public static string? Value(V1Pod pod, string path, string? podIp, string? hostIp) => path switch
    {
        "metadata.name" => pod.Metadata.Name,
        "metadata.namespace" => pod.Metadata.NamespaceProperty,
        "metadata.uid" => pod.Metadata.Uid,
        "metadata.labels" => Lines(pod.Metadata.Labels),
        "metadata.annotations" => Lines(pod.Metadata.Annotations),
        "spec.nodeName" => pod.Spec.NodeName,
        "spec.serviceAccountName" => pod.Spec.ServiceAccountName,
        "status.podIP" => podIp,
        "status.podIPs" => podIp,
        "status.hostIP" => hostIp,
        "status.hostIPs" => hostIp,
        _ when path.StartsWith(Labels, StringComparison.Ordinal) => Lookup(pod.Metadata.Labels, path[Labels.Length..^2]),
        _ when path.StartsWith(Annotations, StringComparison.Ordinal) => Lookup(pod.Metadata.Annotations, path[Annotations.Length..^2]),
        _ => null,
    };

    private static string Lookup(IDictionary<string, string>? map, string key) => map is not null && map.TryGetValue(key, out var value) ? value : "";

    // The kubelet writes maps as key="value" lines, sorted.
    private static string Lines(IDictionary<string, string>? map) =>
        string.Join('\n', (map ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}=\"{p.Value}\""));
}
