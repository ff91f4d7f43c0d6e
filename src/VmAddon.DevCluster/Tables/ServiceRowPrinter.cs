using System.Globalization;
using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tables;

/// <summary>Services as kube-apiserver prints them (printService): type, first cluster IP, external IPs by service type, ports and, wide, the selector.</summary>
internal sealed class ServiceRowPrinter : RowPrinter
{
    private static readonly IReadOnlyList<TableColumn> _columns =
    [
        TableColumn.NameColumn,
        new("Type", "string", ColumnDescriptions.ServiceType),
        new("Cluster-IP", "string", ColumnDescriptions.ClusterIP),
        new("External-IP", "string", ColumnDescriptions.ExternalIPs),
        new("Port(s)", "string", ColumnDescriptions.ServicePorts),
        TableColumn.AgeColumn,
        new("Selector", "string", ColumnDescriptions.ServiceSelector, Priority: 1),
    ];

    public override IReadOnlyList<TableColumn> Columns => _columns;

    public override JsonArray Cells(JsonObject service, DateTimeOffset now)
    {
        var spec = JsonFields.Object(service, "spec");

        // Defaulting gives every stored service a type and every port a protocol.
        var type = JsonFields.String(spec, "type") is { Length: > 0 } t ? t : "ClusterIP";
        var ports = string.Join(",", JsonFields.Objects(spec, "ports").Select(Port));
        return
        [
            Name(service),
            type,
            OrNone(ClusterIP(spec)),
            ExternalIP(service, type),
            OrNone(ports),
            Age(service, now),
            FormatLabels(JsonFields.At(spec, "selector")),
        ];
    }

    /// <summary>The first of <c>clusterIPs</c>; a v1 service with only <c>clusterIP</c> converts to that one.</summary>
    private static string ClusterIP(JsonObject? spec)
    {
        var ips = JsonFields.Array(spec, "clusterIPs");
        return ips.Count > 0 ? (ips[0] is JsonValue v && v.TryGetValue<string>(out var ip) ? ip : "") : JsonFields.String(spec, "clusterIP");
    }

    private static string ExternalIP(JsonObject service, string type)
    {
        var externalIPs = JsonFields.Array(service, "spec", "externalIPs").Select(ip => ip is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToList();
        switch (type)
        {
            case "ClusterIP" or "NodePort":
                return externalIPs.Count > 0 ? string.Join(",", externalIPs) : "<none>";
            case "LoadBalancer":
                // Wide, so never clipped to 16 characters: kube-apiserver always prints wide.
                var ingress = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var entry in JsonFields.Objects(service, "status", "loadBalancer", "ingress"))
                {
                    if (JsonFields.String(entry, "ip") is { Length: > 0 } ip)
                    {
                        ingress.Add(ip);
                    }
                    else if (JsonFields.String(entry, "hostname") is { Length: > 0 } hostname)
                    {
                        ingress.Add(hostname);
                    }
                }

                if (externalIPs.Count > 0)
                {
                    return string.Join(",", ingress.Concat(externalIPs));
                }

                return ingress.Count > 0 ? string.Join(",", ingress) : "<pending>";
            case "ExternalName":
                return JsonFields.String(service, "spec", "externalName");
            default:
                return "<unknown>";
        }
    }

    private static string Port(JsonObject port)
    {
        var number = JsonFields.Integer(port, "port");
        var protocol = JsonFields.String(port, "protocol") is { Length: > 0 } p ? p : "TCP";
        var nodePort = JsonFields.Integer(port, "nodePort");
        return nodePort > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{number}:{nodePort}/{protocol}")
            : string.Create(CultureInfo.InvariantCulture, $"{number}/{protocol}");
    }
}
