using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Selectors;

/// <summary>A parsed Kubernetes field selector: <c>=</c>, <c>==</c> and <c>!=</c> terms on dotted paths, joined by AND.</summary>
public sealed record FieldSelector(IReadOnlyList<FieldRequirement> Requirements)
{
    private static readonly string[] s_operators = ["!=", "==", "="];

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEverything => Requirements.Count == 0;

    /// <summary>Parses <c>metadata.name=x,status.phase!=Running</c>; <c>\,</c>, <c>\=</c> and <c>\\</c> escape values, as in Kubernetes.</summary>
    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<FieldRequirement>();
        foreach (var term in SplitUnescaped(text))
        {
            if (term.Length == 0)
            {
                continue;
            }

            requirements.Add(ParseTerm(term));
        }

        return new FieldSelector(requirements);
    }

    public bool Matches(JsonObject obj) => Requirements.All(r =>
    {
        var actual = ValueAt(obj, r.Field);
        var equal = string.Equals(actual, r.Value, StringComparison.Ordinal);
        return r.Operator == SelectorOperator.Equals ? equal : !equal;
    });

    /// <summary>The string form of the value at a dotted path; a missing field reads as empty, as kube-apiserver's field sets do.</summary>
    public static string ValueAt(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
            if (node is null)
            {
                return "";
            }
        }

        return node switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v => v.ToJsonString(),
            _ => "",
        };
    }

    private static FieldRequirement ParseTerm(string term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            if (term[i] == '\\')
            {
                i++;
                continue;
            }

            foreach (var op in s_operators)
            {
                if (string.CompareOrdinal(term, i, op, 0, op.Length) == 0)
                {
                    var field = term[..i].Trim();
                    if (field.Length == 0)
                    {
                        throw new SelectorParseException($"invalid field selector \"{term}\": the field name is empty");
                    }

                    var value = Unescape(term[(i + op.Length)..]);
                    return new FieldRequirement(field, op == "!=" ? SelectorOperator.NotEquals : SelectorOperator.Equals, value);
                }
            }
        }

        throw new SelectorParseException($"invalid selector: '{term}'; can't understand '{term}'");
    }

    private static List<string> SplitUnescaped(string text)
    {
        var terms = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == ',')
            {
                terms.Add(text[start..i]);
                start = i + 1;
            }
        }

        terms.Add(text[start..]);
        return terms;
    }

    private static string Unescape(string value)
    {
        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                if (i + 1 >= value.Length || value[i + 1] is not ('\\' or ',' or '='))
                {
                    throw new SelectorParseException($"invalid field selector value \"{value}\": only \\\\, \\, and \\= may be escaped");
                }

                i++;
            }
            else if (value[i] is '=' or ',')
            {
                throw new SelectorParseException($"invalid field selector value \"{value}\": '{value[i]}' must be escaped");
            }

            result.Append(value[i]);
        }

        return result.ToString();
    }
}
