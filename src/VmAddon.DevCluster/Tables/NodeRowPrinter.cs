using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tables;

/// <summary>Nodes as kube-apiserver prints them (printNode): Ready/NotReady/Unknown plus SchedulingDisabled, roles from node-role labels, and the wide system-info columns.</summary>
internal sealed class NodeRowPrinter : RowPrinter
{
    private const string NodeRolePrefix = "node-role.kubernetes.io/";
    private const string NodeRoleLabel = "kubernetes.io/role";

    private static readonly IReadOnlyList<TableColumn> _columns =
    [
        TableColumn.NameColumn,
        new("Status", "string", "The status of the node"),
        new("Roles", "string", "The roles of the node"),
        TableColumn.AgeColumn,
        new("Version", "string", ColumnDescriptions.KubeletVersion),
        new("Internal-IP", "string", ColumnDescriptions.NodeAddresses, Priority: 1),
        new("External-IP", "string", ColumnDescriptions.NodeAddresses, Priority: 1),
        new("OS-Image", "string", ColumnDescriptions.OsImage, Priority: 1),
        new("Kernel-Version", "string", ColumnDescriptions.KernelVersion, Priority: 1),
        new("Container-Runtime", "string", ColumnDescriptions.ContainerRuntimeVersion, Priority: 1),
    ];

    public override IReadOnlyList<TableColumn> Columns => _columns;

    public override JsonArray Cells(JsonObject node, DateTimeOffset now)
    {
        // The last condition of a type wins, as in Go's map built from the list.
        string? ready = null;
        foreach (var condition in JsonFields.Objects(node, "status", "conditions"))
        {
            if (JsonFields.String(condition, "type") == "Ready")
            {
                ready = JsonFields.String(condition, "status") == "True" ? "Ready" : "NotReady";
            }
        }

        var status = new List<string> { ready ?? "Unknown" };
        if (JsonFields.Boolean(node, "spec", "unschedulable"))
        {
            status.Add("SchedulingDisabled");
        }

        var info = JsonFields.Object(node, "status", "nodeInfo");
        return
        [
            Name(node),
            string.Join(",", status),
            OrNone(string.Join(",", Roles(node))),
            Age(node, now),
            JsonFields.String(info, "kubeletVersion"),
            Address(node, "InternalIP"),
            Address(node, "ExternalIP"),
            Unknown(JsonFields.String(info, "osImage")),
            Unknown(JsonFields.String(info, "kernelVersion")),
            Unknown(JsonFields.String(info, "containerRuntimeVersion")),
        ];
    }

    /// <summary>Roles from <c>node-role.kubernetes.io/&lt;role&gt;</c> label keys and the value of <c>kubernetes.io/role</c>, sorted and unique.</summary>
    private static IEnumerable<string> Roles(JsonObject node)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in JsonFields.StringMap(node, "metadata", "labels"))
        {
            if (key.StartsWith(NodeRolePrefix, StringComparison.Ordinal))
            {
                if (key.Length > NodeRolePrefix.Length)
                {
                    roles.Add(key[NodeRolePrefix.Length..]);
                }
            }
            else if (key == NodeRoleLabel && value.Length > 0)
            {
                roles.Add(value);
            }
        }

        return roles;
    }

    private static string Address(JsonObject node, string type) =>
        JsonFields.Objects(node, "status", "addresses").FirstOrDefault(a => JsonFields.String(a, "type") == type) is { } address
            ? JsonFields.String(address, "address")
            : "<none>";

    private static string Unknown(string value) => value.Length == 0 ? "<unknown>" : value;
}
