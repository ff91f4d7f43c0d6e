namespace VmAddon.DevCluster.Storage;

/// <summary>Where an object lives; Namespace is empty for cluster-scoped objects.</summary>
internal readonly record struct ObjectKey(string Group, string Resource, string Namespace, string Name)
{
    /// <summary>The order kube-apiserver lists in: by namespace, then name, as etcd keys sort.</summary>
    public string SortKey => $"{Namespace}/{Name}";
}
