using System.Text.Json.Nodes;

namespace VmAddon.Patching;

/// <summary>An RFC 6901 JSON Pointer, split into unescaped reference tokens.</summary>
internal sealed record JsonPointer(string Text, IReadOnlyList<string> Tokens)
{
    public bool IsRoot => Tokens.Count == 0;

    public string Last => Tokens[^1];

    public static JsonPointer Parse(string text)
    {
        if (text.Length == 0)
        {
            return new JsonPointer(text, []);
        }

        if (text[0] != '/')
        {
            throw new PatchException($"JSON pointer must be empty or start with a \"/\": {text}");
        }

        // ~1 is unescaped before ~0 so that "~01" stays the literal "~1" (RFC 6901 §4).
        var tokens = text[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        return new JsonPointer(text, tokens);
    }

    /// <summary>The node this pointer names, or false when some step is missing.</summary>
    public bool TryResolve(JsonNode? root, out JsonNode? value)
    {
        value = root;
        foreach (var token in Tokens)
        {
            switch (value)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var child):
                    value = child;
                    break;
                case JsonArray array when TryIndex(token, array.Count, out var index):
                    value = array[index];
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        return true;
    }

    /// <summary>The container holding the last token, or false when it does not exist.</summary>
    public bool TryResolveParent(JsonNode? root, out JsonNode? parent)
    {
        var parentPointer = new JsonPointer(Text, Tokens.Take(Tokens.Count - 1).ToArray());
        return parentPointer.TryResolve(root, out parent) && parent is JsonObject or JsonArray;
    }

    /// <summary>An existing array index: digits only, no leading zeros (RFC 6901 §4).</summary>
    public static bool TryIndex(string token, int count, out int index)
    {
        index = -1;
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0') || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        return int.TryParse(token, out index) && index < count;
    }
}
