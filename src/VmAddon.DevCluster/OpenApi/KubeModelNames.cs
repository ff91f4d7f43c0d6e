using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using k8s.Models;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>
/// The names kube-apiserver gives OpenAPI definitions (<c>io.k8s.api.core.v1.Pod</c>), for KubernetesClient
/// model types and for custom resources (<c>io.vmaddon.v1.VirtualMachine</c>).
/// </summary>
internal static partial class KubeModelNames
{
    public const string MetaPackage = "io.k8s.apimachinery.pkg.apis.meta.v1";

    public const string ObjectMeta = MetaPackage + ".ObjectMeta";

    public const string ListMeta = MetaPackage + ".ListMeta";

    public const string Status = MetaPackage + ".Status";

    public const string DeleteOptions = MetaPackage + ".DeleteOptions";

    public const string Patch = MetaPackage + ".Patch";

    public const string IntOrString = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

    public const string Quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";

    // The generated models drop the Go package; these live in k8s.io/apimachinery/pkg/apis/meta/v1.
    private static readonly HashSet<string> _metaTypes = new(StringComparer.Ordinal)
    {
        "V1APIGroup", "V1APIGroupList", "V1APIResource", "V1APIResourceList", "V1APIVersions", "V1Condition",
        "V1DeleteOptions", "V1FieldSelectorRequirement", "V1GroupVersionForDiscovery", "V1LabelSelector",
        "V1LabelSelectorRequirement", "V1ListMeta", "V1ManagedFieldsEntry", "V1ObjectMeta", "V1OwnerReference",
        "V1Patch", "V1Preconditions", "V1ServerAddressByClientCIDR", "V1ShardInfo", "V1Status", "V1StatusCause", "V1StatusDetails",
        "V1WatchEvent",
    };

    private static readonly Lazy<Dictionary<Type, string>> _groupOfType = new(AssignGroups);

    /// <summary>The definition name of a KubernetesClient model type.</summary>
    public static string For(Type modelType)
    {
        if (modelType == typeof(IntOrString))
        {
            return IntOrString;
        }

        if (modelType == typeof(ResourceQuantity))
        {
            return Quantity;
        }

        var match = ModelName().Match(modelType.Name);
        if (!match.Success)
        {
            throw new NotSupportedException($"{modelType.FullName} is not a versioned Kubernetes model.");
        }

        var version = match.Groups["version"].Value.ToLowerInvariant();
        var kind = match.Groups["kind"].Value;
        if (_metaTypes.Contains(modelType.Name))
        {
            return $"{MetaPackage}.{kind}";
        }

        // KubernetesClient prefixes the group where two groups define the same kind (Corev1Event, Eventsv1Event).
        var package = match.Groups["group"].Success
            ? PackageOfPrefix(match.Groups["group"].Value.ToLowerInvariant())
            : PackageOf(_groupOfType.Value.GetValueOrDefault(modelType, ""));
        return $"{package}.{version}.{kind}";
    }

    /// <summary>The definition name of a custom resource kind: the group reversed, then version and kind.</summary>
    public static string ForCustomResource(string group, string version, string kind) =>
        $"{string.Join('.', group.Split('.').Reverse())}.{version}.{kind}";

    /// <summary>The Go package prefix of a built-in API group, as in its definition names.</summary>
    public static string PackageOf(string group) => group switch
    {
        "" => "io.k8s.api.core",
        "apiextensions.k8s.io" => "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions",
        "apiregistration.k8s.io" => "io.k8s.kube-aggregator.pkg.apis.apiregistration",
        "internal.apiserver.k8s.io" => "io.k8s.api.apiserverinternal",
        _ => "io.k8s.api." + group.Split('.')[0],
    };

    private static string PackageOfPrefix(string prefix) => prefix switch
    {
        "apiextensions" => PackageOf("apiextensions.k8s.io"),
        "apiregistration" => PackageOf("apiregistration.k8s.io"),
        _ => "io.k8s.api." + prefix,
    };

    // A nested model (V1Container) carries no group of its own: it belongs to the group of the kinds that use it.
    // The core group claims first, because other groups reuse core types (events.k8s.io uses ObjectReference).
    private static Dictionary<Type, string> AssignGroups()
    {
        var roots = typeof(V1Pod).Assembly.GetTypes()
            .Select(t => (Type: t, Entity: t.GetCustomAttribute<KubernetesEntityAttribute>()))
            .Where(r => r.Type.Namespace == "k8s.Models" && r.Entity is not null)
            .OrderBy(r => r.Entity!.Group.Length == 0 ? 0 : 1)
            .ThenBy(r => r.Entity!.Group, StringComparer.Ordinal)
            .ThenBy(r => r.Type.Name, StringComparer.Ordinal);

        var groups = new Dictionary<Type, string>();
        foreach (var (root, entity) in roots)
        {
            var pending = new Queue<Type>([root]);
            while (pending.TryDequeue(out var type))
            {
                if (!groups.TryAdd(type, entity!.Group))
                {
                    continue;
                }

                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is not null
                        && ModelTypes.ElementModel(property.PropertyType) is { } model)
                    {
                        pending.Enqueue(model);
                    }
                }
            }
        }

        return groups;
    }

    [GeneratedRegex("^(?<group>[A-Z][a-z]+)?(?<version>[Vv][0-9]+(?:(?:alpha|beta)[0-9]+)?)(?<kind>[A-Z][A-Za-z0-9]*)$")]
    private static partial Regex ModelName();
}
