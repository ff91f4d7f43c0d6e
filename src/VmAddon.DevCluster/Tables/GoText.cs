using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tables;

/// <summary>Text of JSON values as Go prints them, for custom-resource columns: <c>fmt.Print</c> of scalars and <c>json.Marshal</c> of maps and lists.</summary>
internal static class GoText
{
    /// <summary>What jsonpath's PrintResults writes for one value of an unstructured object (integers are int64, other numbers float64).</summary>
    public static string Print(JsonNode? value) => value switch
    {
        null => "<no value>",
        JsonObject or JsonArray => Marshal(value),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => IntegerToken(v, out var n) ? n.ToString(CultureInfo.InvariantCulture) : FormatFloatV(Double(v)),
            _ => "<no value>",
        },
        _ => "<no value>",
    };

    /// <summary>Whether a JSON number is an int64 for Go's unstructured decoder (a plain integer token in range).</summary>
    public static bool IntegerToken(JsonValue value, out long n) =>
        long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n);

    public static double Double(JsonValue value) =>
        double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Go's <c>%v</c> of a float64: the shortest digits, in exponent form when the exponent is below -4 or at least 6 (<c>1e+06</c>).</summary>
    public static string FormatFloatV(double f)
    {
        var (negative, digits, point) = ShortestDigits(f);
        if (digits == "0")
        {
            return negative ? "-0" : "0";
        }

        var exponent = point - 1;
        var sign = negative ? "-" : "";
        if (exponent < -4 || exponent >= 6)
        {
            return sign + Mantissa(digits) + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }

        return sign + Fixed(digits, point);
    }

    /// <summary>Go's <c>json.Marshal</c> of a decoded value: map keys sorted, HTML characters escaped, float64 in Go's JSON notation.</summary>
    public static string Marshal(JsonNode? value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject o:
                builder.Append('{');
                var first = true;
                foreach (var pair in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, pair.Key);
                    builder.Append(':');
                    Write(builder, pair.Value);
                }

                builder.Append('}');
                break;
            case JsonArray a:
                builder.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, a[i]);
                }

                builder.Append(']');
                break;
            case JsonValue v:
                switch (v.GetValueKind())
                {
                    case JsonValueKind.String:
                        WriteString(builder, v.GetValue<string>());
                        break;
                    case JsonValueKind.Number:
                        builder.Append(IntegerToken(v, out var n) ? n.ToString(CultureInfo.InvariantCulture) : JsonFloat(Double(v)));
                        break;
                    default:
                        builder.Append(v.ToJsonString());
                        break;
                }

                break;
        }
    }

    /// <summary>encoding/json's string escaping: quotes, backslashes and control characters, plus &lt;, &gt;, &amp;, U+2028 and U+2029 for HTML safety.</summary>
    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>encoding/json's float64: plain notation between 1e-6 and 1e21, else exponent form without a leading zero in the exponent.</summary>
    private static string JsonFloat(double f)
    {
        var abs = Math.Abs(f);
        var (negative, digits, point) = ShortestDigits(f);
        var sign = negative ? "-" : "";
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            var exponent = point - 1;
            // strconv writes at least two exponent digits; encoding/json then trims "e-07" to "e-7".
            return sign + Mantissa(digits) + (exponent < 0
                ? "e-" + (-exponent).ToString(CultureInfo.InvariantCulture)
                : "e+" + exponent.ToString("00", CultureInfo.InvariantCulture));
        }

        return sign + Fixed(digits, point);
    }

    private static string Mantissa(string digits) => digits.Length == 1 ? digits : digits[0] + "." + digits[1..];

    private static string Fixed(string digits, int point)
    {
        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        if (point >= digits.Length)
        {
            return digits + new string('0', point - digits.Length);
        }

        return digits[..point] + "." + digits[point..];
    }

    /// <summary>The shortest round-trip decimal digits of <paramref name="f"/> (no leading or trailing zeros) and where the decimal point falls.</summary>
    private static (bool Negative, string Digits, int Point) ShortestDigits(double f)
    {
        var negative = f < 0 || (f == 0 && double.IsNegative(f));
        var shortest = Math.Abs(f).ToString("R", CultureInfo.InvariantCulture);

        // "R" gives the shortest round-trip form, either plain ("1234.5") or scientific ("1.5E-07").
        var exponentAt = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        var all = intPart + fracPart;
        var point = intPart.Length + exponent;
        var leading = all.Length - all.TrimStart('0').Length;
        all = all.TrimStart('0');
        point -= leading;
        all = all.TrimEnd('0');
        return all.Length == 0 ? (negative, "0", 1) : (negative, all, point);
    }
}
