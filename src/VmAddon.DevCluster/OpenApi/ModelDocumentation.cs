using System.Reflection;
using System.Text;
using System.Xml;
using k8s.Models;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>
/// The descriptions of KubernetesClient's models, which are Kubernetes' own API documentation, read from the
/// KubernetesClient.xml documentation file that the build copies next to the program (kubectl explain prints them).
/// </summary>
/// <remarks>Without the file every description is simply absent.</remarks>
internal sealed class ModelDocumentation
{
    private const string FileName = "KubernetesClient.xml";

    private static readonly Lazy<ModelDocumentation> _shared = new(() => Load(FindFile()));

    private readonly Dictionary<string, string> _summaries;

    private ModelDocumentation(Dictionary<string, string> summaries) => _summaries = summaries;

    /// <summary>The documentation of the KubernetesClient assembly the program runs with, loaded once.</summary>
    public static ModelDocumentation Shared => _shared.Value;

    /// <summary>Whether any description was found.</summary>
    public bool IsAvailable => _summaries.Count > 0;

    /// <summary>The description of a model type, or null.</summary>
    public string? Of(Type model) => _summaries.GetValueOrDefault("T:" + model.FullName);

    /// <summary>The description of a model property, or null.</summary>
    public string? Of(PropertyInfo property) =>
        _summaries.GetValueOrDefault($"P:{property.DeclaringType!.FullName}.{property.Name}");

    /// <summary>Reads the k8s.Models members of an XML documentation file; a missing file gives no descriptions.</summary>
    public static ModelDocumentation Load(string? path)
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path))
        {
            return new ModelDocumentation(summaries);
        }

        using var reader = XmlReader.Create(path, new XmlReaderSettings { IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit });
        while (reader.ReadToFollowing("member"))
        {
            var name = reader.GetAttribute("name");
            if (name is null || !(name.StartsWith("T:k8s.Models.", StringComparison.Ordinal) || name.StartsWith("P:k8s.Models.", StringComparison.Ordinal)))
            {
                continue;
            }

            using var member = reader.ReadSubtree();
            if (member.ReadToDescendant("summary") && Summary(member) is { Length: > 0 } summary)
            {
                summaries[name] = summary;
            }
        }

        return new ModelDocumentation(summaries);
    }

    private static string? FindFile()
    {
        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, FileName),
            Path.ChangeExtension(typeof(V1Pod).Assembly.Location, ".xml"),
        };
        return candidates.FirstOrDefault(c => c.Length > 0 && File.Exists(c));
    }

    // The generator wraps Kubernetes' descriptions at 80 columns; kubectl explain wraps them again, so join the lines.
    private static string Summary(XmlReader summary)
    {
        var text = new StringBuilder();
        using var content = summary.ReadSubtree();
        while (content.Read())
        {
            if (content.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                text.Append(' ').Append(content.Value);
            }
            else if (content.NodeType == XmlNodeType.Element && content.GetAttribute("cref") is { } cref)
            {
                text.Append(' ').Append(cref[(cref.LastIndexOf('.') + 1)..]);
            }
        }

        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
