using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmAddon.Api.Schema;

namespace VmAddon.DevCluster.Tables;

/// <summary>
/// Custom resources as apiextensions-apiserver prints them (registry/customresource/tableconvertor): NAME, then each additionalPrinterColumn
/// evaluated as a JSONPath and typed; a CRD version without columns gets an Age column from <c>.metadata.creationTimestamp</c>.
/// </summary>
internal sealed class CustomResourceRowPrinter : RowPrinter
{
    private static readonly PrinterColumn _defaultAge = new("Age", "date", ".metadata.creationTimestamp", ColumnDescriptions.CreationTimestamp);

    private readonly List<TableColumn> _columns = [TableColumn.NameColumn];
    private readonly List<JsonPathTemplate> _paths = [];

    public CustomResourceRowPrinter(IReadOnlyList<PrinterColumn> printerColumns)
    {
        foreach (var column in printerColumns.Count > 0 ? printerColumns : [_defaultAge])
        {
            JsonPathTemplate path;
            try
            {
                path = JsonPathTemplate.Parse("{" + column.JsonPath + "}");
            }
            catch (JsonPathException)
            {
                // Like tableconvertor.New, keep the columns parsed so far; CRD validation keeps this from happening.
                break;
            }

            _paths.Add(path);
            var description = string.IsNullOrEmpty(column.Description)
                ? "Custom resource definition column (in JSONPath format): " + column.JsonPath
                : column.Description;
            _columns.Add(new TableColumn(column.Name, column.Type, description, column.Priority));
        }
    }

    public override IReadOnlyList<TableColumn> Columns => _columns;

    public override JsonArray Cells(JsonObject obj, DateTimeOffset now)
    {
        var cells = new JsonArray { Name(obj) };
        for (var i = 0; i < _paths.Count; i++)
        {
            cells.Add(Cell(_paths[i], _columns[i + 1].Type, obj, now));
        }

        return cells;
    }

    /// <summary>The first result of the path, typed by the column; a missing value, a failed evaluation or a mistyped value is null.</summary>
    private static JsonNode? Cell(JsonPathTemplate path, string type, JsonObject obj, DateTimeOffset now)
    {
        IReadOnlyList<IReadOnlyList<object?>> results;
        try
        {
            results = path.FindResults(obj);
        }
        catch (JsonPathException)
        {
            return null;
        }

        if (results.Count == 0 || results[0].Count == 0)
        {
            return null;
        }

        var value = results[0][0];
        if (type == "string")
        {
            // Strings go through jsonpath's printer, so any value prints: numbers, booleans, JSON for maps and lists, "<no value>" for null.
            return value switch
            {
                JsonNode or null => GoText.Print((JsonNode?)value),
                string s => s,
                bool b => b ? "true" : "false",
                long n => n.ToString(CultureInfo.InvariantCulture),
                double d => GoText.FormatFloatV(d),
                _ => null,
            };
        }

        return CellForJsonValue(type, value, now);
    }

    /// <summary>cellForJSONValue: integer and number convert between int64 and float64, boolean and date need their own JSON type.</summary>
    private static JsonNode? CellForJsonValue(string type, object? value, DateTimeOffset now)
    {
        var (kind, integer, number, text) = value switch
        {
            JsonValue v => v.GetValueKind() switch
            {
                JsonValueKind.Number when GoText.IntegerToken(v, out var n) => (Kind.Integer, n, 0d, ""),
                JsonValueKind.Number => (Kind.Float, 0L, GoText.Double(v), ""),
                JsonValueKind.String => (Kind.String, 0L, 0d, v.GetValue<string>()),
                JsonValueKind.True => (Kind.True, 0L, 0d, ""),
                JsonValueKind.False => (Kind.False, 0L, 0d, ""),
                _ => (Kind.Other, 0L, 0d, ""),
            },
            long n => (Kind.Integer, n, 0d, ""),
            double d => (Kind.Float, 0L, d, ""),
            string s => (Kind.String, 0L, 0d, s),
            bool b => (b ? Kind.True : Kind.False, 0L, 0d, ""),
            _ => (Kind.Other, 0L, 0d, ""),
        };

        return (type, kind) switch
        {
            ("integer", Kind.Integer) => integer,
            ("integer", Kind.Float) => (long)number,
            ("number", Kind.Integer) => (double)integer,
            ("number", Kind.Float) => number,
            ("boolean", Kind.True) => true,
            ("boolean", Kind.False) => false,
            ("date", Kind.String) => Date(text, now),
            _ => null,
        };
    }

    /// <summary>A date column: empty or "null" is the zero time (<c>&lt;unknown&gt;</c>), anything not RFC 3339 is <c>&lt;invalid&gt;</c>.</summary>
    private static string Date(string text, DateTimeOffset now)
    {
        if (text.Length == 0 || text == "null")
        {
            return "<unknown>";
        }

        return Rfc3339.TryParse(text, out var time) ? HumanDuration.Since(time, now) : "<invalid>";
    }

    private enum Kind
    {
        Integer,
        Float,
        String,
        True,
        False,
        Other,
    }
}
