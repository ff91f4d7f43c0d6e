namespace VmAddon.DevCluster.Registry;

/// <summary>The query options of a write: how to treat unknown fields (<c>fieldValidation</c>) and whether to persist (<c>dryRun=All</c>).</summary>
public sealed record WriteOptions(FieldValidation FieldValidation = FieldValidation.Warn, bool DryRun = false)
{
    public static readonly WriteOptions Default = new();
}

/// <summary>kube-apiserver's <c>fieldValidation</c> directive for unknown and duplicate fields.</summary>
public enum FieldValidation
{
    /// <summary>Drop unknown fields silently.</summary>
    Ignore,

    /// <summary>Drop them and answer with a Warning header per field (the API's default).</summary>
    Warn,

    /// <summary>Reject the request with 400 BadRequest (kubectl's default).</summary>
    Strict,
}
