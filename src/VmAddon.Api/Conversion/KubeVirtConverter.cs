using System.Text;
using VmAddon.Api.Manifests;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VmAddon.Api.Conversion;

/// <summary>
/// Rewrites KubeVirt manifests (kubevirt.io/v1, pool.kubevirt.io/v1beta1) to vmaddon.io/v1alpha1.
/// Only the apiVersion values change, in place, so comments and layout survive; then every
/// document is validated and whatever VmAddon does not support comes back as a warning.
/// </summary>
public static class KubeVirtConverter
{
    /// <summary>KubeVirt's apiVersion per kind VmAddon serves.</summary>
    private static readonly Dictionary<string, string[]> s_sourceApiVersions = new(StringComparer.Ordinal)
    {
        [ApiGroup.VirtualMachineKind] = ["kubevirt.io/v1", "kubevirt.io/v1alpha3"],
        [ApiGroup.VirtualMachineInstanceKind] = ["kubevirt.io/v1", "kubevirt.io/v1alpha3"],
        [ApiGroup.VirtualMachineInstanceMigrationKind] = ["kubevirt.io/v1", "kubevirt.io/v1alpha3"],
        [ApiGroup.VirtualMachinePoolKind] = ["pool.kubevirt.io/v1alpha1", "pool.kubevirt.io/v1beta1"],
    };

    /// <summary>Converts <paramref name="text"/>; a YAML syntax error is thrown as a <see cref="ManifestSyntaxException"/>.</summary>
    public static KubeVirtConversion Convert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ManifestSyntaxException(new ManifestSyntaxError((int)e.Start.Line, (int)e.Start.Column, e.Message));
        }

        var warnings = new List<ConversionWarning>();
        var edits = new List<(int Start, int End)>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root)
            {
                continue;
            }

            var kind = Scalar(root, "kind");
            var apiVersionNode = root.Children.TryGetValue(new YamlScalarNode("apiVersion"), out var node) ? node as YamlScalarNode : null;
            var apiVersion = apiVersionNode?.Value;
            if (kind is not null && apiVersionNode is not null && s_sourceApiVersions.TryGetValue(kind, out var sources) && sources.Contains(apiVersion))
            {
                edits.Add(((int)apiVersionNode.Start.Index, (int)apiVersionNode.End.Index));
            }
            else if (apiVersion != ApiGroup.ApiVersion)
            {
                var name = root.Children.TryGetValue(new YamlScalarNode("metadata"), out var meta) && meta is YamlMappingNode m ? Scalar(m, "name") : null;
                warnings.Add(new ConversionWarning((int)root.Start.Line, kind, name,
                    $"left unchanged: VmAddon has no counterpart of {apiVersion ?? "(no apiVersion)"} {kind ?? "(no kind)"}; it serves {string.Join(", ", ResourceKinds.Kinds)}"));
            }
        }

        var converted = ApplyEdits(text, edits);
        warnings.AddRange(ValidationWarnings(converted));
        return new KubeVirtConversion(converted, [.. warnings.OrderBy(w => w.Line)]);
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static string ApplyEdits(string text, List<(int Start, int End)> edits)
    {
        var builder = new StringBuilder(text);
        foreach (var (start, end) in edits.OrderByDescending(e => e.Start))
        {
            builder.Remove(start, end - start).Insert(start, ApiGroup.ApiVersion);
        }

        return builder.ToString();
    }

    /// <summary>Every error the converted documents still have, except those of documents left unconverted.</summary>
    private static IEnumerable<ConversionWarning> ValidationWarnings(string converted) =>
        ManifestLoader.Load(converted).Resources
            .Where(r => r.Errors.All(e => e.Path is not ("apiVersion" or "kind")))
            .SelectMany(r => r.Errors.Select(e => new ConversionWarning(r.LineOf(e), r.Kind, r.Name, $"{e}")));
}
