using System.Text.Json.Nodes;
using VmAddon.Api.Schema;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Catalog;

/// <summary>One served resource at one group/version: what discovery, OpenAPI, tables and the request handlers need to know about it.</summary>
public sealed record ApiResource
{
    /// <summary>The verbs of an ordinary resource, in the order kube-apiserver lists them.</summary>
    public static readonly IReadOnlyList<string> StandardVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary>Group, version, plural, kind, scope and selectable fields; also the storage key (group + plural).</summary>
    public required ResourceType Type { get; init; }

    /// <summary>Where objects are stored, when another resource's storage holds them (events.k8s.io Events live with core Events).</summary>
    public ResourceType? Storage { get; init; }

    /// <summary>The storage key and scope the store sees.</summary>
    public ResourceType StorageType => Storage ?? Type;

    /// <summary>How objects convert between this resource and <see cref="Storage"/>; null when they are stored as served.</summary>
    public IObjectConversion? Conversion { get; init; }

    /// <summary>The lower-case singular name, as in <c>kubectl get pod</c>.</summary>
    public required string Singular { get; init; }

    public string Kind => Type.Kind;

    public string ListKind => Type.Kind + "List";

    public string Group => Type.Group;

    public string Version => Type.Version;

    /// <summary>The plural resource name.</summary>
    public string Plural => Type.Resource;

    public bool Namespaced => Type.Namespaced;

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Such as <c>all</c>, so <c>kubectl get all</c> includes the resource.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Verbs { get; init; } = StandardVerbs;

    /// <summary>Whether a <c>status</c> subresource exists: then the main resource ignores status changes and the subresource ignores everything else.</summary>
    public bool HasStatus { get; init; }

    /// <summary>The scale subresource, when the resource has one.</summary>
    public ScaleSubresource? Scale { get; init; }

    /// <summary>Further subresources, each with its verbs: pods' <c>binding</c>, <c>log</c>, <c>exec</c> and <c>eviction</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> OtherSubresources { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The columns of <c>kubectl get</c> after NAME (and before AGE unless a column is named Age); priority above 0 means <c>-o wide</c> only.</summary>
    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>The OpenAPI v3 schema of the kind, for /openapi and explain; null when unknown.</summary>
    public JsonObject? OpenApiSchema { get; init; }

    /// <summary>The structural schema requests are checked and pruned against (custom resources); null for built-ins.</summary>
    public StructuralValidator? Validator { get; init; }

    /// <summary>Whether a DELETE that removes the object answers with the object (pods, services, serviceaccounts) rather than a Status of success.</summary>
    public bool ReturnsDeletedObject { get; init; }

    /// <summary>The KubernetesClient model of a built-in kind (V1Pod, ...), from which its OpenAPI schema is reflected; null for custom resources.</summary>
    public Type? ModelType { get; init; }

    public string ApiVersion => Type.ApiVersion;

    /// <summary>Every subresource name this resource serves.</summary>
    public IEnumerable<string> SubresourceNames =>
        (HasStatus ? ["status"] : Array.Empty<string>()).Concat(Scale is null ? [] : ["scale"]).Concat(OtherSubresources.Keys);
}
