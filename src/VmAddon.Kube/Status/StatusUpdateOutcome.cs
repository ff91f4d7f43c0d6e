namespace VmAddon.Kube.Status;

/// <summary>What a status update did.</summary>
public enum StatusUpdateOutcome
{
    /// <summary>The computed status equals the current one; nothing was written.</summary>
    Unchanged,

    /// <summary>The status was written through the status subresource.</summary>
    Updated,

    /// <summary>The object is gone; nothing was written.</summary>
    NotFound,
}
