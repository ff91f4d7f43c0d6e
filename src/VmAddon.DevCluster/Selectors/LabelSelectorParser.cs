using System.Text.RegularExpressions;

namespace VmAddon.DevCluster.Selectors;

/// <summary>A recursive-descent parser for label selectors with kube-apiserver's validation of keys and values.</summary>
internal sealed partial class LabelSelectorParser(string text)
{
    private const int MaxNameLength = 63;
    private const int MaxPrefixLength = 253;
    private int _position;

    public LabelSelector Parse()
    {
        var requirements = new List<LabelRequirement>();
        while (true)
        {
            requirements.Add(ParseRequirement());
            SkipSpaces();
            if (AtEnd)
            {
                return new LabelSelector(requirements);
            }

            Expect(",");
        }
    }

    private bool AtEnd => _position >= text.Length;

    private LabelRequirement ParseRequirement()
    {
        SkipSpaces();
        if (TryConsume("!"))
        {
            var negated = ReadIdentifier("label key");
            return new LabelRequirement(ValidKey(negated), SelectorOperator.DoesNotExist, []);
        }

        var key = ValidKey(ReadIdentifier("label key"));
        SkipSpaces();
        if (AtEnd || Peek(","))
        {
            return new LabelRequirement(key, SelectorOperator.Exists, []);
        }

        if (TryConsume("==") || TryConsume("="))
        {
            return new LabelRequirement(key, SelectorOperator.Equals, [ValidValue(ReadValue())]);
        }

        if (TryConsume("!="))
        {
            return new LabelRequirement(key, SelectorOperator.NotEquals, [ValidValue(ReadValue())]);
        }

        var word = ReadIdentifier("'=', '==', '!=', 'in' or 'notin'");
        var op = word switch
        {
            "in" => SelectorOperator.In,
            "notin" => SelectorOperator.NotIn,
            _ => throw Error($"unable to parse requirement: found '{word}', expected: '=', '==', '!=', 'in', 'notin'"),
        };
        return new LabelRequirement(key, op, ParseSet());
    }

    private List<string> ParseSet()
    {
        SkipSpaces();
        Expect("(");
        var values = new List<string>();
        while (true)
        {
            SkipSpaces();
            if (TryConsume(")"))
            {
                break;
            }

            values.Add(ValidValue(ReadValue()));
            SkipSpaces();
            if (TryConsume(")"))
            {
                break;
            }

            Expect(",");
        }

        if (values.Count == 0 || values.All(v => v.Length == 0))
        {
            throw Error("unable to parse requirement: for 'in', 'notin' operators, values set can't be empty");
        }

        return values;
    }

    // An empty value is legal (a=), so a value may be zero characters long.
    private string ReadValue()
    {
        SkipSpaces();
        var start = _position;
        while (!AtEnd && !IsSpecial(text[_position]))
        {
            _position++;
        }

        return text[start.._position];
    }

    private string ReadIdentifier(string expected)
    {
        SkipSpaces();
        var start = _position;
        while (!AtEnd && !IsSpecial(text[_position]))
        {
            _position++;
        }

        if (start == _position)
        {
            var found = AtEnd ? "end of string" : $"'{text[_position]}'";
            throw Error($"unable to parse requirement: found {found}, expected: {expected}");
        }

        return text[start.._position];
    }

    private static bool IsSpecial(char c) => char.IsWhiteSpace(c) || c is '!' or '=' or ',' or '(' or ')';

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private bool Peek(string token) => string.CompareOrdinal(text, _position, token, 0, token.Length) == 0;

    private bool TryConsume(string token)
    {
        if (!Peek(token))
        {
            return false;
        }

        _position += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        SkipSpaces();
        if (!TryConsume(token))
        {
            var found = AtEnd ? "end of string" : $"'{text[_position]}'";
            throw Error($"unable to parse requirement: found {found}, expected: '{token}'");
        }
    }

    private SelectorParseException Error(string message) => new($"{message} (in selector \"{text}\" at position {_position})");

    private string ValidKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length is 0 or > MaxPrefixLength || !DnsSubdomain().IsMatch(prefix))
            {
                throw Error($"invalid label key \"{key}\": prefix part must be a lowercase RFC 1123 subdomain");
            }
        }

        if (name.Length is 0 or > MaxNameLength || !QualifiedName().IsMatch(name))
        {
            throw Error($"invalid label key \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }

        return key;
    }

    private string ValidValue(string value)
    {
        if (value.Length > MaxNameLength || (value.Length > 0 && !QualifiedName().IsMatch(value)))
        {
            throw Error($"invalid label value: \"{value}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }

        return value;
    }

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
