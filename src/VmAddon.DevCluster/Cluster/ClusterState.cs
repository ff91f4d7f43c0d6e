using System.Text.Json;
using VmAddon.DevCluster.Nodes;

namespace VmAddon.DevCluster.Cluster;

/// <summary>What up decided, saved for the node runners and for later node start/stop and down commands.</summary>
public sealed record ClusterState(string Server, IReadOnlyList<NodeState> Nodes, IReadOnlyDictionary<string, ImageTarget> Images)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public NodeState Node(string name) => Nodes.FirstOrDefault(n => n.Name == name)
        ?? throw new ArgumentException($"no node {name} in this cluster; its nodes are {string.Join(", ", Nodes.Select(n => n.Name))}");

    public void Save(ClusterLayout layout) => File.WriteAllText(layout.State, JsonSerializer.Serialize(this, Json));

    public static ClusterState Load(ClusterLayout layout) =>
        File.Exists(layout.State)
            ? JsonSerializer.Deserialize<ClusterState>(File.ReadAllText(layout.State), Json)!
            : throw new FileNotFoundException($"{layout.State} is missing: no cluster was started with --dir {layout.Directory} (start one with vmaddon-dev up --dir {layout.Directory})");
}

/// <summary>A node as up configured it: its number picks its bridge and pod CIDR.</summary>
public sealed record NodeState(string Name, int Index, string Cpu, string Memory, int MaxPods, IReadOnlyDictionary<string, string> Labels);
