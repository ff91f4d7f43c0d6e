using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tables;

/// <summary>The comparisons of JSONPath filters, as client-go's forked text/template funcs: only values of the same basic kind compare, anything else is an error.</summary>
internal static class JsonPathComparison
{
    private enum Kind
    {
        Boolean,
        Integer,
        Float,
        String,
    }

    public static bool Evaluate(string op, object? left, object? right) => op switch
    {
        "<" => Less(left, right),
        ">" => !LessOrEqual(left, right),
        "==" => Equal(left, right),
        "!=" => !Equal(left, right),
        "<=" => LessOrEqual(left, right),
        ">=" => !Less(left, right),
        _ => throw new JsonPathException($"unrecognized filter operator {op}"),
    };

    private static bool Equal(object? left, object? right)
    {
        var (leftKind, l) = Basic(left);
        var (rightKind, r) = Basic(right);
        if (leftKind != rightKind)
        {
            throw new JsonPathException("incompatible types for comparison");
        }

        return leftKind switch
        {
            Kind.Boolean => (bool)l == (bool)r,
            Kind.Integer => (long)l == (long)r,
            Kind.Float => (double)l == (double)r,
            _ => string.Equals((string)l, (string)r, StringComparison.Ordinal),
        };
    }

    private static bool Less(object? left, object? right)
    {
        var (leftKind, l) = Basic(left);
        var (rightKind, r) = Basic(right);
        if (leftKind != rightKind)
        {
            throw new JsonPathException("incompatible types for comparison");
        }

        return leftKind switch
        {
            Kind.Boolean => throw new JsonPathException("invalid type for comparison"),
            Kind.Integer => (long)l < (long)r,
            Kind.Float => (double)l < (double)r,
            _ => string.CompareOrdinal((string)l, (string)r) < 0,
        };
    }

    private static bool LessOrEqual(object? left, object? right) => Less(left, right) || Equal(left, right);

    /// <summary>The Go kind of a value: JSON integers decode to int64, other numbers to float64; null, maps and lists do not compare.</summary>
    private static (Kind Kind, object Value) Basic(object? value) => value switch
    {
        bool b => (Kind.Boolean, b),
        long n => (Kind.Integer, n),
        double d => (Kind.Float, d),
        string s => (Kind.String, s),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => (Kind.Boolean, true),
            JsonValueKind.False => (Kind.Boolean, false),
            JsonValueKind.String => (Kind.String, v.GetValue<string>()),
            JsonValueKind.Number => GoText.IntegerToken(v, out var n) ? (Kind.Integer, (object)n) : (Kind.Float, (object)GoText.Double(v)),
            _ => throw new JsonPathException("invalid type for comparison"),
        },
        _ => throw new JsonPathException("invalid type for comparison"),
    };
}
