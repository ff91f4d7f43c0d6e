namespace VmAddon.DevCluster.Selectors;

/// <summary>The operators of Kubernetes label and field selectors.</summary>
public enum SelectorOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}
