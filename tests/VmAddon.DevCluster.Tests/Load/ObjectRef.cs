namespace VmAddon.DevCluster.Tests.Load;

/// <summary>One object of a load run: its kind, namespace and name.</summary>
internal sealed record ObjectRef(ObjectKind Kind, string Namespace, string Name)
{
    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
