namespace VmAddon.DevCluster.Storage;

/// <summary>What the store needs to know about a resource: its names, its scope and which fields a field selector may use.</summary>
/// <param name="Group">The API group; empty for the core group.</param>
/// <param name="Version">The served version, used for the apiVersion of bookmark events.</param>
/// <param name="Resource">The plural resource name, such as <c>virtualmachines</c>.</param>
/// <param name="Kind">The kind, used for bookmark events.</param>
/// <param name="Namespaced">Whether objects live in a namespace.</param>
public sealed record ResourceType(string Group, string Version, string Resource, string Kind, bool Namespaced)
{
    /// <summary>Fields besides <c>metadata.name</c> and <c>metadata.namespace</c> that field selectors may name (pods: <c>spec.nodeName</c>, ...). Default: none, as for custom resources.</summary>
    public IReadOnlySet<string> SelectableFields { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The name kube-apiserver uses in messages: <c>virtualmachines.vmaddon.io</c>, or <c>pods</c> for the core group.</summary>
    public string QualifiedName => Group.Length == 0 ? Resource : $"{Resource}.{Group}";

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public bool CanSelectField(string field) =>
        field is "metadata.name" || (field is "metadata.namespace" && Namespaced) || SelectableFields.Contains(field);
}
