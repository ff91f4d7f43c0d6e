using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VmAddon.Api.Schema;

/// <summary>
/// Writes a JSON tree as block-style YAML with keys in ordinal order, so the same tree always gives the same bytes.
/// KubernetesYaml cannot be used for CRDs: it ignores [JsonPropertyName].
/// </summary>
public static partial class YamlWriter
{
    /// <summary>The YAML of <paramref name="node"/>, ending in a newline.</summary>
    public static string Write(JsonNode? node)
    {
        var builder = new StringBuilder();
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                WriteObject(builder, obj, 0);
                break;
            case JsonArray array when array.Count > 0:
                WriteArray(builder, array, 0);
                break;
            default:
                builder.Append(Scalar(node)).Append('\n');
                break;
        }

        return builder.ToString();
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj, int indent)
    {
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(' ', indent).Append(String(key)).Append(':');
            WriteValue(builder, value, indent, indentSequence: false);
        }
    }

    private static void WriteArray(StringBuilder builder, JsonArray array, int indent)
    {
        foreach (var item in array)
        {
            builder.Append(' ', indent).Append('-');
            if (item is JsonObject obj && obj.Count > 0)
            {
                // The first key goes on the dash's line; the rest line up under it.
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? " " : new string(' ', indent + 2)).Append(String(key)).Append(':');
                    WriteValue(builder, value, indent + 2, indentSequence: false);
                    first = false;
                }
            }
            else
            {
                WriteValue(builder, item, indent, indentSequence: true);
            }
        }
    }

    private static void WriteValue(StringBuilder builder, JsonNode? value, int indent, bool indentSequence)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count > 0:
                builder.Append('\n');
                WriteObject(builder, obj, indent + 2);
                break;
            case JsonArray array when array.Count > 0:
                builder.Append('\n');
                // kubectl's style: a sequence under a key is not indented; one inside a sequence must be.
                WriteArray(builder, array, indentSequence ? indent + 2 : indent);
                break;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String && IsBlockSafe(text.GetValue<string>()):
                WriteBlock(builder, text.GetValue<string>(), indent + 2);
                break;
            default:
                builder.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    /// <summary>Multi-line text, such as cloud-init user data, as a literal block a reader can read.</summary>
    private static void WriteBlock(StringBuilder builder, string text, int indent)
    {
        var body = text.EndsWith('\n') ? text[..^1] : text;
        builder.Append(text.EndsWith('\n') ? " |\n" : " |-\n");
        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0)
            {
                builder.Append(' ', indent).Append(line);
            }

            builder.Append('\n');
        }
    }

    /// <summary>
    /// A literal block keeps text exactly when it has several lines, no other control characters, no trailing
    /// spaces, does not start with a space (which would need an indentation indicator), and ends in at most one newline.
    /// </summary>
    private static bool IsBlockSafe(string text) =>
        text.Contains('\n', StringComparison.Ordinal)
        && !text.EndsWith("\n\n", StringComparison.Ordinal)
        && text.Length > 0 && text[0] is not (' ' or '\n')
        && !text.Any(c => c != '\n' && (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085'))
        && !text.Split('\n').Any(line => line.EndsWith(' '));

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => String(value.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.ToJsonString(),
            _ => "null",
        },
        _ => throw new InvalidOperationException("Unknown JSON node."),
    };

    /// <summary>A string as a plain scalar when YAML would read it back as the same string, else double-quoted.</summary>
    internal static string String(string text) => IsPlainSafe(text) ? text : Quote(text);

    private static bool IsPlainSafe(string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        // Indicators that start something other than a plain scalar.
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal) && !(text.Length > 1 && text[0] is '-' or '?' or ':' && !char.IsWhiteSpace(text[1]) && !NumberRegex().IsMatch(text)))
        {
            return false;
        }

        if (NumberRegex().IsMatch(text))
        {
            return false;
        }

        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':'))
        {
            return false;
        }

        if (text.Any(c => char.IsControl(c) || c > '~'))
        {
            return false;
        }

        // Words YAML 1.1 or 1.2 resolves to booleans, nulls or numbers: True, on, No, null, ~, .inf, ...
        return !SpecialScalarRegex().IsMatch(text);
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085')
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>What a YAML 1.1 or 1.2 reader takes for a number or a date: integers, hex, octal, floats, infinities, NaN, timestamps.</summary>
    [GeneratedRegex(@"^([-+]?[0-9][0-9_]*|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \t].*)?)$")]
    private static partial Regex NumberRegex();

    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|<<|=)$")]
    private static partial Regex SpecialScalarRegex();
}
