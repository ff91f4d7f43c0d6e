using System.Collections.Immutable;

namespace VmAddon.DevCluster.Catalog;

/// <summary>The resources the server serves right now: the built-ins, plus one entry per served version of every established CRD.</summary>
/// <remarks>Reads take an immutable snapshot, so a request sees one consistent catalog while CRDs come and go.</remarks>
public sealed class ResourceCatalog
{
    private ImmutableList<ApiResource> _resources;

    public ResourceCatalog(IEnumerable<ApiResource> builtIns) => _resources = [.. builtIns];

    /// <summary>Raised after any change, so discovery and OpenAPI caches can drop their documents.</summary>
    public event Action? Changed;

    public IReadOnlyList<ApiResource> All => _resources;

    /// <summary>The resource at a group, version and plural, or null.</summary>
    public ApiResource? Find(string group, string version, string plural) =>
        _resources.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    /// <summary>Every served version of a group and plural.</summary>
    public IEnumerable<ApiResource> Versions(string group, string plural) =>
        _resources.Where(r => r.Group == group && r.Plural == plural);

    /// <summary>The resource of a kind at an apiVersion (group/version, or version for the core group), or null.</summary>
    public ApiResource? FindByKind(string apiVersion, string kind) =>
        _resources.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind);

    /// <summary>The groups in discovery order (core first, then first registration order), each with its versions, the preferred one first.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups() =>
        [.. _resources.Select(r => r.Group).Distinct().Select(g => (g, (IReadOnlyList<string>)[.. VersionsOf(g)]))];

    /// <summary>Replaces every version of a group and plural with the given ones (none removes the resource).</summary>
    public void Replace(string group, string plural, IEnumerable<ApiResource> versions)
    {
        ImmutableInterlocked.Update(ref _resources, list => list.RemoveAll(r => r.Group == group && r.Plural == plural).AddRange(versions));
        Changed?.Invoke();
    }

    // Kubernetes orders versions GA before beta before alpha, higher numbers first (KubeVirt: v1 before v1alpha3).
    private IEnumerable<string> VersionsOf(string group) =>
        _resources.Where(r => r.Group == group).Select(r => r.Version).Distinct().Order(KubeVersionComparer.Instance);
}
