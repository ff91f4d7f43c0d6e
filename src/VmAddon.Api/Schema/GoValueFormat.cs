using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmAddon.Api.Schema;

/// <summary>
/// Prints values as kube-apiserver's field errors do (Go's <c>%v</c> and <c>%q</c>), so our messages read
/// exactly like the ones kubectl shows from a real cluster.
/// </summary>
internal static class GoValueFormat
{
    /// <summary>The "Invalid value: X" part of a field error, for a JSON value.</summary>
    public static string Value(JsonNode? node) => node switch
    {
        null => "\"null\"",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => Quote(value.GetValue<string>()),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False =>
            value.GetValue<bool>() ? "true" : "false",
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => Number(value),
        // Go prints a decoded object or array as its %#v form; the JSON text is the readable equivalent.
        _ => node.ToJsonString(),
    };

    /// <summary>A JSON number as Go prints the int64 or float64 it decodes to.</summary>
    public static string Number(JsonValue value)
    {
        var text = value.ToJsonString();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? integer.ToString(CultureInfo.InvariantCulture)
            : Float(double.Parse(text, CultureInfo.InvariantCulture));
    }

    /// <summary>Go's <c>%v</c> of a float64: the shortest digits, in exponent form outside [1e-4, 1e6).</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return "0";
        }

        var sign = value < 0 ? "-" : "";
        // "R" gives the shortest digits that round-trip, as Go's strconv does.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        string digits;
        int exponent;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            var mantissa = shortest[..e];
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        }
        else
        {
            var dot = shortest.IndexOf('.', StringComparison.Ordinal);
            var integerPart = dot >= 0 ? shortest[..dot] : shortest;
            var fraction = dot >= 0 ? shortest[(dot + 1)..] : "";
            var all = (integerPart + fraction).TrimStart('0');
            var leadingZeros = (integerPart + fraction).Length - all.Length;
            digits = all;
            exponent = integerPart.Length - 1 - leadingZeros;
        }

        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        // %v is strconv's shortest 'g', which switches to exponent form below 1e-4 and from 1e6 (fmt prints 1e+06).
        if (exponent < -4 || exponent >= 6)
        {
            var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            var exponentSign = exponent < 0 ? "-" : "+";
            return $"{sign}{mantissa}e{exponentSign}{Math.Abs(exponent):00}";
        }

        if (exponent < 0)
        {
            return $"{sign}0.{new string('0', -exponent - 1)}{digits}";
        }

        return digits.Length <= exponent + 1
            ? sign + digits + new string('0', exponent + 1 - digits.Length)
            : $"{sign}{digits[..(exponent + 1)]}.{digits[(exponent + 1)..]}";
    }

    /// <summary>Go's <c>strconv.Quote</c>: a double-quoted string with Go escapes.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7f)
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
                    }
                    else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                             or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse)
                    {
                        builder.Append(rune.Value > 0xffff
                            ? string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}")
                            : string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}"));
                    }
                    else
                    {
                        builder.Append(rune.ToString());
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
