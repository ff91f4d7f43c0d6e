using System.Globalization;
using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tables;

/// <summary>Endpoints as kube-apiserver prints them (printEndpoints): up to three <c>ip:port</c> pairs, then <c>+ N more...</c>.</summary>
internal sealed class EndpointsRowPrinter : RowPrinter
{
    private const int Max = 3;

    private static readonly IReadOnlyList<TableColumn> _columns =
    [
        TableColumn.NameColumn,
        new("Endpoints", "string", ColumnDescriptions.EndpointsSubsets),
        TableColumn.AgeColumn,
    ];

    public override IReadOnlyList<TableColumn> Columns => _columns;

    public override JsonArray Cells(JsonObject endpoints, DateTimeOffset now) =>
        [Name(endpoints), Format(endpoints), Age(endpoints, now)];

    /// <summary>formatEndpoints with every port: each address with each port, or bare IPs for headless subsets without ports.</summary>
    private static string Format(JsonObject endpoints)
    {
        var subsets = JsonFields.Array(endpoints, "subsets");
        if (subsets.Count == 0)
        {
            return "<none>";
        }

        var list = new List<string>();
        var more = false;
        var count = 0;
        foreach (var subset in subsets)
        {
            var addresses = JsonFields.Array(subset, "addresses");
            var ports = JsonFields.Array(subset, "ports");
            if (ports.Count == 0)
            {
                count += addresses.Count;
                foreach (var address in addresses)
                {
                    if (list.Count == Max)
                    {
                        more = true;
                        break;
                    }

                    list.Add(JsonFields.String(address, "ip"));
                }

                continue;
            }

            foreach (var port in ports)
            {
                count += addresses.Count;
                foreach (var address in addresses)
                {
                    if (list.Count == Max)
                    {
                        more = true;
                        break;
                    }

                    list.Add(JoinHostPort(JsonFields.String(address, "ip"), JsonFields.Integer(port, "port")));
                }
            }
        }

        var joined = string.Join(",", list);
        return more ? string.Create(CultureInfo.InvariantCulture, $"{joined} + {count - Max} more...") : joined;
    }

    /// <summary>Go's net.JoinHostPort: IPv6 addresses in brackets.</summary>
    private static string JoinHostPort(string host, long port) =>
        (host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host) + ":" + port.ToString(CultureInfo.InvariantCulture);
}
