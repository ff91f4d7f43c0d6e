using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VmAddon.DevCluster.Tables;

/// <summary>A port of client-go's jsonpath parser (util/jsonpath/parser.go), quirks included, so CRD printer columns parse exactly as kube-apiserver parses them.</summary>
internal sealed partial class JsonPathParser
{
    private const int Eof = -1;

    private readonly string _input;
    private readonly JsonPathNode.Sequence _root = new([]);
    private int _pos;
    private int _start;
    private int _width;

    private JsonPathParser(string input) => _input = input;

    /// <summary>Parses a whole template such as <c>{.status.phase}</c>; the root holds text nodes and one sequence per <c>{...}</c> action.</summary>
    public static JsonPathNode.Sequence Parse(string text)
    {
        var parser = new JsonPathParser(text);
        parser.ParseText(parser._root);
        return parser._root;
    }

    /// <summary>Parses the inside of one action, as client-go's parseAction does for filter operands and union branches.</summary>
    private static JsonPathNode.Sequence ParseAction(string text)
    {
        var root = Parse("{" + text + "}");
        return (JsonPathNode.Sequence)root.Nodes[0];
    }

    private string ConsumeText()
    {
        var value = _input[_start.._pos];
        _start = _pos;
        return value;
    }

    private int Next()
    {
        if (_pos >= _input.Length)
        {
            _width = 0;
            return Eof;
        }

        _width = 1;
        return _input[_pos++];
    }

    private int Peek()
    {
        var r = Next();
        Backup();
        return r;
    }

    private void Backup() => _pos -= _width;

    private bool At(string prefix) => string.CompareOrdinal(_input, _pos, prefix, 0, prefix.Length) == 0 && _pos + prefix.Length <= _input.Length;

    private void ParseText(JsonPathNode.Sequence current)
    {
        while (true)
        {
            if (At("{"))
            {
                if (_pos > _start)
                {
                    current.Nodes.Add(new JsonPathNode.Text(ConsumeText()));
                }

                ParseLeftDelim(current);
                return;
            }

            if (Next() == Eof)
            {
                break;
            }
        }

        if (_pos > _start)
        {
            current.Nodes.Add(new JsonPathNode.Text(ConsumeText()));
        }
    }

    private void ParseLeftDelim(JsonPathNode.Sequence current)
    {
        _pos++;
        ConsumeText();
        var action = new JsonPathNode.Sequence([]);
        current.Nodes.Add(action);
        ParseInsideAction(action);
    }

    private void ParseInsideAction(JsonPathNode.Sequence current)
    {
        while (true)
        {
            if (At("}"))
            {
                _pos++;
                ConsumeText();
                ParseText(_root);
                return;
            }

            if (At("[?("))
            {
                ParseFilter(current);
                continue;
            }

            if (At(".."))
            {
                ParseRecursive(current);
                continue;
            }

            var r = Next();
            switch (r)
            {
                case Eof or '\r' or '\n':
                    throw new JsonPathException("unclosed action");
                case ' ' or '@' or '$':
                    ConsumeText();
                    break;
                case '[':
                    ParseArray(current);
                    break;
                case '"' or '\'':
                    ParseQuote(current, (char)r);
                    break;
                case '.':
                    ParseField(current);
                    break;
                case '+' or '-':
                    Backup();
                    ParseNumber(current);
                    break;
                default:
                    if (char.IsDigit((char)r))
                    {
                        Backup();
                        ParseNumber(current);
                    }
                    else if (IsAlphaNumeric(r))
                    {
                        Backup();
                        ParseIdentifier(current);
                    }
                    else
                    {
                        throw new JsonPathException($"unrecognized character in action: {(char)r}");
                    }

                    break;
            }
        }
    }

    private void ParseIdentifier(JsonPathNode.Sequence current)
    {
        while (!IsTerminator(Next()))
        {
        }

        Backup();
        var value = ConsumeText();
        current.Nodes.Add(value is "true" or "false" ? new JsonPathNode.Boolean(value == "true") : new JsonPathNode.Identifier(value));
    }

    private void ParseRecursive(JsonPathNode.Sequence current)
    {
        if (current.Nodes.Count > 0 && current.Nodes[^1] is JsonPathNode.Recursive)
        {
            throw new JsonPathException("invalid multiple recursive descent");
        }

        _pos += 2;
        ConsumeText();
        current.Nodes.Add(new JsonPathNode.Recursive());
        if (IsAlphaNumeric(Peek()))
        {
            ParseField(current);
        }
    }

    private void ParseNumber(JsonPathNode.Sequence current)
    {
        var r = Peek();
        if (r is '+' or '-')
        {
            Next();
        }

        while (true)
        {
            r = Next();
            if (r != '.' && !(r >= 0 && char.IsDigit((char)r)))
            {
                Backup();
                break;
            }
        }

        var value = ConsumeText();
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            current.Nodes.Add(new JsonPathNode.Integer(i));
        }
        else if (double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            current.Nodes.Add(new JsonPathNode.Float(d));
        }
        else
        {
            throw new JsonPathException($"cannot parse number {value}");
        }
    }

    private void ParseArray(JsonPathNode.Sequence current)
    {
        while (true)
        {
            var r = Next();
            if (r is Eof or '\n')
            {
                throw new JsonPathException("unterminated array");
            }

            if (r == ']')
            {
                break;
            }
        }

        var text = ConsumeText();
        text = text[1..^1];
        if (text == "*")
        {
            text = ":";
        }

        var parts = text.Split(',');
        if (parts.Length > 1)
        {
            current.Nodes.Add(new JsonPathNode.Union([.. parts.Select(part => ParseAction("[" + part.Trim(' ') + "]"))]));
            return;
        }

        var key = DictKey().Match(text);
        if (key.Success)
        {
            current.Nodes.AddRange(ParseAction("." + key.Groups[1].Value).Nodes);
            return;
        }

        var slice = SliceOperator().Match(text);
        if (!slice.Success)
        {
            throw new JsonPathException($"invalid array index {text}");
        }

        var bounds = new SliceBound[3];
        for (var i = 0; i < 3; i++)
        {
            var value = slice.Groups[i + 1].Value;
            if (value.Length > 0)
            {
                if (i > 0)
                {
                    value = value[1..];
                }

                if (i > 0 && value.Length == 0)
                {
                    bounds[i] = new SliceBound(0, Known: false);
                }
                else if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    bounds[i] = new SliceBound(n, Known: true);
                }
                else
                {
                    throw new JsonPathException($"array index {value} is not a number");
                }
            }
            else
            {
                bounds[i] = i == 1 ? new SliceBound(bounds[0].Value + 1, Known: true, Derived: true) : new SliceBound(0, Known: false);
            }
        }

        current.Nodes.Add(new JsonPathNode.Slice(bounds[0], bounds[1], bounds[2]));
    }

    private void ParseFilter(JsonPathNode.Sequence current)
    {
        _pos += 3;
        ConsumeText();
        var begin = false;
        var end = false;
        var pair = '\0';
        while (true)
        {
            var r = Next();
            if (r is Eof or '\n')
            {
                throw new JsonPathException("unterminated filter");
            }

            if (r is '"' or '\'')
            {
                if (!begin)
                {
                    begin = true;
                    pair = (char)r;
                    continue;
                }

                if (_input[_pos - 2] != '\\' && r == pair)
                {
                    end = true;
                }
            }
            else if (r == ')' && begin == end)
            {
                break;
            }
        }

        if (Next() != ']')
        {
            throw new JsonPathException("unclosed array expect ]");
        }

        var text = ConsumeText();
        text = text[..^2];
        var comparison = FilterComparison().Match(text);
        if (!comparison.Success)
        {
            current.Nodes.Add(new JsonPathNode.Filter(ParseAction(text), new JsonPathNode.Sequence([]), "exists"));
        }
        else
        {
            current.Nodes.Add(new JsonPathNode.Filter(
                ParseAction(comparison.Groups[1].Value), ParseAction(comparison.Groups[3].Value), comparison.Groups[2].Value));
        }
    }

    private void ParseQuote(JsonPathNode.Sequence current, char end)
    {
        while (true)
        {
            var r = Next();
            if (r is Eof or '\n')
            {
                throw new JsonPathException("unterminated quoted string");
            }

            if (r == end && _input[_pos - 2] != '\\')
            {
                break;
            }
        }

        var value = ConsumeText();
        current.Nodes.Add(new JsonPathNode.Text(Unquote(value)));
    }

    private void ParseField(JsonPathNode.Sequence current)
    {
        ConsumeText();
        while (Advance())
        {
        }

        var value = ConsumeText();
        current.Nodes.Add(value == "*" ? new JsonPathNode.Wildcard() : new JsonPathNode.Field(value.Replace("\\", "", StringComparison.Ordinal)));
    }

    /// <summary>Scans one character of a field name; a backslash makes the next character part of the name.</summary>
    private bool Advance()
    {
        var r = Next();
        if (r == '\\')
        {
            Next();
        }
        else if (IsTerminator(r))
        {
            Backup();
            return false;
        }

        return true;
    }

    private static bool IsTerminator(int r) => r is Eof or ' ' or '\t' or '\r' or '\n' or '.' or ',' or '[' or ']' or '$' or '@' or '{' or '}';

    private static bool IsAlphaNumeric(int r) => r == '_' || (r >= 0 && char.IsLetterOrDigit((char)r));

    /// <summary>client-go's UnquoteExtend: Go string escapes inside single or double quotes.</summary>
    private static string Unquote(string quoted)
    {
        if (quoted.Length < 2 || quoted[0] != quoted[^1] || quoted[0] is not ('"' or '\''))
        {
            throw new JsonPathException("invalid syntax");
        }

        var body = quoted[1..^1];
        if (!body.Contains('\\', StringComparison.Ordinal))
        {
            return body;
        }

        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= body.Length)
            {
                throw new JsonPathException($"unquote string {quoted} error invalid syntax");
            }

            switch (body[i])
            {
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'v': builder.Append('\v'); break;
                case '\\' or '\'' or '"': builder.Append(body[i]); break;
                case 'x' when IsHex(body, i + 1, 2):
                    builder.Append((char)Convert.ToInt32(body.Substring(i + 1, 2), 16));
                    i += 2;
                    break;
                case 'u' when IsHex(body, i + 1, 4):
                    builder.Append((char)Convert.ToInt32(body.Substring(i + 1, 4), 16));
                    i += 4;
                    break;
                default:
                    throw new JsonPathException($"unquote string {quoted} error invalid syntax");
            }
        }

        return builder.ToString();
    }

    private static bool IsHex(string text, int from, int count) =>
        from + count <= text.Length && text.AsSpan(from, count).ToArray().All(char.IsAsciiHexDigit);

    [GeneratedRegex(@"^'([^']*)'$", RegexOptions.CultureInvariant)]
    private static partial Regex DictKey();

    [GeneratedRegex(@"^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SliceOperator();

    [GeneratedRegex(@"^([^!<>=]+)([!<>=]+)(.+?)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex FilterComparison();
}
