using System.Text.Json.Nodes;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.Tables;

/// <summary>
/// Server-side printing: turns objects into the meta.k8s.io/v1 Table that kube-apiserver answers to
/// <c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io</c>, with the same columns, cells and row objects.
/// </summary>
/// <param name="clock">The clock ages are measured against.</param>
public sealed class TableConverter(TimeProvider clock)
{
    private const string TableApiVersion = "meta.k8s.io/v1";

    /// <summary>The table of a list; its metadata carries the list's resourceVersion, continue token and remaining count.</summary>
    public JsonObject ConvertList(ApiResource resource, IReadOnlyList<JsonObject> items, TableListMeta? listMeta = null, TableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(items);
        var printer = RowPrinters.For(resource);
        options ??= TableOptions.Default;
        var now = clock.GetUtcNow();
        JsonArray? rows = items.Count == 0 && printer.NullRowsWhenEmpty ? null : [.. items.Select(item => Row(printer, item, options, now))];

        var metadata = new JsonObject();
        if (!string.IsNullOrEmpty(listMeta?.ResourceVersion))
        {
            metadata["resourceVersion"] = listMeta.ResourceVersion;
        }

        if (!string.IsNullOrEmpty(listMeta?.Continue))
        {
            metadata["continue"] = listMeta.Continue;
        }

        if (listMeta?.RemainingItemCount is { } remaining)
        {
            metadata["remainingItemCount"] = remaining;
        }

        return Table(printer, metadata, rows, options);
    }

    /// <summary>The one-row table of a single object (a get, or a watch event); its metadata carries the object's resourceVersion.</summary>
    public JsonObject ConvertObject(ApiResource resource, JsonObject item, TableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(item);
        var printer = RowPrinters.For(resource);
        options ??= TableOptions.Default;
        var metadata = new JsonObject();
        if (JsonFields.String(item, "metadata", "resourceVersion") is { Length: > 0 } resourceVersion)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return Table(printer, metadata, [Row(printer, item, options, clock.GetUtcNow())], options);
    }

    private static JsonObject Table(RowPrinter printer, JsonObject metadata, JsonArray? rows, TableOptions options) => new()
    {
        ["kind"] = "Table",
        ["apiVersion"] = TableApiVersion,
        ["metadata"] = metadata,
        ["columnDefinitions"] = options.NoHeaders ? null : new JsonArray([.. printer.Columns.Select(c => c.ToJson())]),
        ["rows"] = rows,
    };

    private static JsonObject Row(RowPrinter printer, JsonObject item, TableOptions options, DateTimeOffset now)
    {
        var row = new JsonObject { ["cells"] = printer.Cells(item, now) };
        if (printer.Conditions(item) is { } conditions)
        {
            row["conditions"] = conditions;
        }

        row["object"] = options.IncludeObject switch
        {
            IncludeObjectPolicy.Object => item.DeepClone(),
            IncludeObjectPolicy.Metadata => new JsonObject
            {
                ["kind"] = "PartialObjectMetadata",
                ["apiVersion"] = TableApiVersion,
                ["metadata"] = item["metadata"]?.DeepClone() ?? new JsonObject(),
            },
            _ => null,
        };
        return row;
    }
}
