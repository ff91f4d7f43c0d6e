namespace VmAddon.DevCluster.Storage;

/// <summary>The <c>reason</c> of a Kubernetes Status error, as kube-apiserver spells it.</summary>
public enum StoreErrorReason
{
    BadRequest,
    NotFound,
    AlreadyExists,
    Conflict,
    Invalid,
    Gone,
    // kube-apiserver answers a compacted resourceVersion or continue token with 410 and reason Expired, not Gone.
    Expired,
}
