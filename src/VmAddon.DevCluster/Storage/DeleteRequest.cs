namespace VmAddon.DevCluster.Storage;

/// <summary>How to delete: preconditions, a grace period (above 0, the object is only marked and its deletionTimestamp lies that far ahead), and a finalizer to add (<c>orphan</c>, <c>foregroundDeletion</c>).</summary>
public sealed record DeleteRequest(DeletePreconditions? Preconditions = null, long? GracePeriodSeconds = null, string? AddFinalizer = null)
{
    public static readonly DeleteRequest Immediate = new();
}
