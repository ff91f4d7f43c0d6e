using System.Net;
using System.Text.Json.Nodes;
using VmAddon.Api.Manifests;
using VmAddon.DevCluster.Nodes;

namespace VmAddon.DevCluster.Cluster;

/// <summary>
/// The local cluster's config file (YAML or JSON): the API server's address, the nodes, the image map and the node
/// lifecycle timing. Every field has a default, so no file is needed; relative paths are relative to the repository.
/// </summary>
public sealed record ClusterConfig
{
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 6443);

    public IReadOnlyList<NodeConfig> Nodes { get; init; } = [];

    public IReadOnlyDictionary<string, ImageTarget> Images { get; init; } = new Dictionary<string, ImageTarget>();

    /// <summary>How long a node may miss its lease renewals before it is NotReady (kube-controller-manager: 40 s).</summary>
    public TimeSpan NodeMonitorGracePeriod { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>The defaults: our built programs and the test guest, found under the repository root.</summary>
    public static ClusterConfig Default(string repository) => new()
    {
        Images = new Dictionary<string, ImageTarget>(StringComparer.Ordinal)
        {
            ["vmaddon/launcher:*"] = new(ImageKind.Program, Path.Combine(repository, "bin", "vmaddon-launcher")),
            ["vmaddon/agent:*"] = new(ImageKind.Program, Path.Combine(repository, "bin", "vmaddon-agent")),
            ["vmaddon/controller:*"] = new(ImageKind.Program, Path.Combine(repository, "bin", "vmaddon-controller")),
            ["vmaddon/guest:*"] = new(ImageKind.Disk, Path.Combine(repository, "images", "guest", "out", "guest.qcow2")),
        },
    };

    /// <summary>Reads a config file over the defaults; errors name the field.</summary>
    public static ClusterConfig Load(string text, string repository)
    {
        var read = YamlManifestReader.Read(text);
        if (read.SyntaxError is { } syntax)
        {
            throw new FormatException($"line {syntax.Line}: {syntax.Message}");
        }

        var config = Default(repository);
        if (read.Documents.FirstOrDefault()?.Content is not JsonObject root)
        {
            return config;
        }

        var images = new Dictionary<string, ImageTarget>(config.Images, StringComparer.Ordinal);
        foreach (var (image, target) in root["images"] as JsonObject ?? [])
        {
            images[image] = target switch
            {
                JsonObject { } t when t["program"] is { } program => new ImageTarget(ImageKind.Program, Resolve(repository, program.GetValue<string>())),
                JsonObject { } t when t["disk"] is { } disk => new ImageTarget(ImageKind.Disk, Resolve(repository, disk.GetValue<string>())),
                JsonObject { } t when t["host"] is not null => ImageTarget.Host,
                _ => throw new FormatException($"images.{image}: give program: PATH, disk: PATH or host: true"),
            };
        }

        var listen = root["apiServer"]?["listen"]?.GetValue<string>();
        return config with
        {
            Listen = listen is null ? config.Listen : IPEndPoint.TryParse(listen, out var endPoint) ? endPoint : throw new FormatException($"apiServer.listen: \"{listen}\" is not ADDRESS:PORT"),
            Images = images,
            Nodes = [.. (root["nodes"] as JsonArray ?? []).Select((n, i) => NodeConfig.From(n as JsonObject ?? throw new FormatException($"nodes[{i}]: expected a mapping"), i))],
            NodeMonitorGracePeriod = root["nodeMonitorGracePeriodSeconds"] is { } grace ? TimeSpan.FromSeconds(grace.GetValue<double>()) : config.NodeMonitorGracePeriod,
        };
    }

    /// <summary>The configured nodes, or node-1..node-N when the file names none.</summary>
    public IReadOnlyList<NodeConfig> NodesFor(int count) =>
        Nodes.Count > 0 ? Nodes : [.. Enumerable.Range(1, count).Select(i => new NodeConfig($"node-{i}"))];

    private static string Resolve(string repository, string path) => Path.IsPathRooted(path) ? path : Path.Combine(repository, path);
}

/// <summary>One node of the config: its name, what it offers, and its labels.</summary>
public sealed record NodeConfig(string Name, string Cpu = "4", string Memory = "8Gi", int MaxPods = 110)
{
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    internal static NodeConfig From(JsonObject node, int index) => new(
        node["name"]?.GetValue<string>() ?? throw new FormatException($"nodes[{index}].name: Required value"),
        node["cpu"]?.ToString() ?? "4",
        node["memory"]?.ToString() ?? "8Gi",
        (int?)node["maxPods"]?.GetValue<long>() ?? 110)
    {
        Labels = (node["labels"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal),
    };
}
