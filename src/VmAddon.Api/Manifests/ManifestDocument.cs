using System.Text.Json.Nodes;

namespace VmAddon.Api.Manifests;

/// <summary>One YAML document of a manifest, as JSON, with the line each field came from.</summary>
public sealed record ManifestDocument(int Index, int StartLine, JsonNode? Content, IReadOnlyDictionary<string, int> Lines)
{
    /// <summary>The 1-based line of a field path, or of its nearest parent that has one.</summary>
    public int LineOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (var p = path; p.Length > 0; p = FieldPath.Parent(p))
        {
            if (Lines.TryGetValue(p, out var line))
            {
                return line;
            }
        }

        return StartLine;
    }
}
