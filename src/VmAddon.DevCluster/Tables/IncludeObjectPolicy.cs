namespace VmAddon.DevCluster.Tables;

/// <summary>What each table row carries in <c>object</c>: the <c>includeObject</c> query parameter of a Table request.</summary>
public enum IncludeObjectPolicy
{
    /// <summary>Nothing: <c>"object": null</c>.</summary>
    None,

    /// <summary>A PartialObjectMetadata with the object's metadata; kube's default.</summary>
    Metadata,

    /// <summary>The whole object.</summary>
    Object,
}
