using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VmAddon.Api.Manifests;

/// <summary>
/// Reads a multi-document YAML manifest into JSON, resolving plain scalars as Kubernetes does
/// (YAML 1.1 booleans, integers, floats, null) and remembering each field's line for error messages.
/// </summary>
public static partial class YamlManifestReader
{
    public static ManifestReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return new ManifestReadResult([.. stream.Documents.Select(ToDocument).OfType<ManifestDocument>().Select((d, i) => d with { Index = i })], null);
        }
        catch (YamlException e)
        {
            return new ManifestReadResult([], new ManifestSyntaxError((int)e.Start.Line, (int)e.Start.Column, Innermost(e).Message));
        }
    }

    private static ManifestDocument? ToDocument(YamlDocument document)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var content = Convert(document.RootNode, "", lines);

        // An empty document, such as the one after a trailing "---", is no object at all.
        return content is null && document.RootNode is YamlScalarNode
            ? null
            : new ManifestDocument(0, (int)document.RootNode.Start.Line, content, lines);
    }

    private static Exception Innermost(Exception e) => e.InnerException is YamlException inner ? Innermost(inner) : e;

    private static JsonNode? Convert(YamlNode node, string path, Dictionary<string, int> lines)
    {
        lines.TryAdd(path, (int)node.Start.Line);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode k ? k.Value ?? "" : keyNode.ToString();
                    if (obj.ContainsKey(key))
                    {
                        throw new YamlException(keyNode.Start, keyNode.End, $"duplicate key \"{key}\"");
                    }

                    // A field's line is its key's line, where a reader looks for it.
                    var child = FieldPath.Child(path, key);
                    lines.TryAdd(child, (int)keyNode.Start.Line);
                    obj[key] = Convert(valueNode, child, lines);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], FieldPath.Index(path, i), lines));
                }

                return array;
            case YamlScalarNode scalar:
                return Resolve(scalar);
            default:
                throw new YamlException(node.Start, node.End, "unsupported YAML node");
        }
    }

    /// <summary>Plain scalars are typed by their text, as sigs.k8s.io/yaml does; quoted ones and explicit !!str stay strings.</summary>
    private static JsonNode? Resolve(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsNonSpecific && !scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                return JsonValue.Create(false);
        }

        if (DecimalInteger().IsMatch(value) && long.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (HexInteger().IsMatch(value))
        {
            return JsonValue.Create(long.Parse(value[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        // JSON has no infinities, so a float too large for a double stays the text the user wrote.
        if (FloatNumber().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex("^[-+]?[0-9][0-9_]*$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^0x[0-9a-fA-F]{1,15}$")]
    private static partial Regex HexInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatNumber();
}
