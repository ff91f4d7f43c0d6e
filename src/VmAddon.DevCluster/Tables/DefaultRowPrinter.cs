using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tables;

/// <summary>rest.NewDefaultTableConvertor, for resources without a printer (such as CustomResourceDefinitions): NAME and CREATED AT as an RFC 3339 time.</summary>
internal sealed class DefaultRowPrinter : RowPrinter
{
    public static DefaultRowPrinter Instance { get; } = new();

    private static readonly IReadOnlyList<TableColumn> _columns =
    [
        TableColumn.NameColumn,
        new("Created At", "date", ColumnDescriptions.CreationTimestamp),
    ];

    public override IReadOnlyList<TableColumn> Columns => _columns;

    public override bool NullRowsWhenEmpty => true;

    /// <summary>A missing creation time prints as Go's zero time, <c>0001-01-01T00:00:00Z</c>.</summary>
    public override JsonArray Cells(JsonObject obj, DateTimeOffset now) =>
        [Name(obj), Rfc3339.Format(JsonFields.Time(obj, "metadata", "creationTimestamp") ?? DateTimeOffset.MinValue)];
}
