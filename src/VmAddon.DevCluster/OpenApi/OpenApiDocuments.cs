using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>
/// The OpenAPI documents of the served API, as kube-apiserver publishes them: the /openapi/v3 index, one OpenAPI 3.0
/// document per group/version, and the Swagger 2.0 document of /openapi/v2. Built on first use and rebuilt after
/// the catalog changes.
/// </summary>
/// <remarks>
/// kubectl reads these for <c>explain</c>, for strategic merge patches in <c>apply</c>, and to learn that the server
/// validates fields itself (the <c>fieldValidation</c> parameter), so it sends <c>fieldValidation=Strict</c> instead
/// of validating against /openapi/v2. Methods returning a <see cref="JsonObject"/> return a copy the caller may change.
/// </remarks>
public sealed class OpenApiDocuments
{
    private readonly ResourceCatalog _catalog;
    private readonly Lock _lock = new();
    private Snapshot? _snapshot;

    public OpenApiDocuments(ResourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _catalog.Changed += Invalidate;
    }

    /// <summary>The /openapi/v3 index: for every document, its URL with a hash of its content (clients cache by it).</summary>
    public JsonObject V3Index() => (JsonObject)Current().Index.DeepClone();

    /// <summary>
    /// The document at a path of the index (<c>api/v1</c>, <c>apis/vmaddon.io/v1</c>, <c>api</c>, <c>apis</c>,
    /// <c>apis/vmaddon.io</c>); a leading <c>/openapi/v3/</c> and a query are ignored. Null for an unknown path.
    /// </summary>
    public JsonObject? V3GroupVersion(string path) =>
        Find(path) is { } rendered ? (JsonObject)rendered.Document.DeepClone() : null;

    /// <summary>The same document as compact UTF-8 JSON, the bytes <see cref="V3Hash"/> is computed over; null for an unknown path.</summary>
    public ReadOnlyMemory<byte>? V3GroupVersionUtf8(string path) => Find(path)?.Utf8;

    /// <summary>The hash the index advertises for a document (upper-case hex SHA-512 of its bytes), for ETag and cache checks; null for an unknown path.</summary>
    public string? V3Hash(string path) => Find(path)?.Hash;

    /// <summary>The Swagger 2.0 document of every group/version, for clients that ask /openapi/v2 for JSON.</summary>
    public JsonObject V2() => (JsonObject)Current().V2.Value.Document.DeepClone();

    /// <summary>The Swagger 2.0 document as compact UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> V2Utf8() => Current().V2.Value.Utf8;

    private Rendered? Find(string path)
    {
        var key = path.Trim();
        var query = key.IndexOf('?', StringComparison.Ordinal);
        key = (query >= 0 ? key[..query] : key).Trim('/');
        if (key.StartsWith("openapi/v3", StringComparison.Ordinal))
        {
            key = key["openapi/v3".Length..].Trim('/');
        }

        return Current().Documents.GetValueOrDefault(key);
    }

    private void Invalidate()
    {
        lock (_lock)
        {
            _snapshot = null;
        }
    }

    // Built under the lock: a catalog change waits for a build in progress and then discards it.
    private Snapshot Current()
    {
        lock (_lock)
        {
            return _snapshot ??= Snapshot.Build(_catalog);
        }
    }

    private sealed record Rendered(JsonObject Document, ReadOnlyMemory<byte> Utf8, string Hash)
    {
        public static Rendered Of(JsonObject document)
        {
            var utf8 = JsonSerializer.SerializeToUtf8Bytes(document);
            return new Rendered(document, utf8, Convert.ToHexString(SHA512.HashData(utf8)));
        }
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, Rendered> Documents, JsonObject Index, Lazy<Rendered> V2)
    {
        public static Snapshot Build(ResourceCatalog catalog)
        {
            var resources = catalog.All;
            var documents = new SortedDictionary<string, Rendered>(StringComparer.Ordinal)
            {
                ["api"] = Rendered.Of(OpenApiV3Document.ForLegacyRoot()),
                ["apis"] = Rendered.Of(OpenApiV3Document.ForGroupsRoot()),
            };
            // From the one snapshot of the catalog, so groups and resources agree.
            foreach (var group in resources.Select(r => r.Group).Distinct())
            {
                var versions = resources.Where(r => r.Group == group).Select(r => r.Version).Distinct().Order(KubeVersionComparer.Instance);
                if (group.Length > 0)
                {
                    documents["apis/" + group] = Rendered.Of(OpenApiV3Document.ForGroup(group));
                }

                foreach (var version in versions)
                {
                    var groupVersion = new ApiGroupVersion(group, version);
                    var served = resources.Where(r => r.Group == group && r.Version == version);
                    documents[groupVersion.DocumentPath] = Rendered.Of(OpenApiV3Document.ForGroupVersion(groupVersion, served));
                }
            }

            var index = new JsonObject();
            foreach (var (path, rendered) in documents)
            {
                index[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={rendered.Hash}" };
            }

            var v2 = new Lazy<Rendered>(() => Rendered.Of(SwaggerV2Document.From(documents.Values.Select(d => d.Document))));
            return new Snapshot(documents, new JsonObject { ["paths"] = index }, v2);
        }
    }
}
