namespace VmAddon.DevCluster.Tables;

/// <summary>The TableOptions of a request: which object rows carry, and whether to leave out the column definitions (watch events after the first).</summary>
public sealed record TableOptions(IncludeObjectPolicy IncludeObject = IncludeObjectPolicy.Metadata, bool NoHeaders = false)
{
    public static TableOptions Default { get; } = new();

    /// <summary>
    /// Reads <c>includeObject</c> as kube-apiserver does: absent or empty means Metadata; the three names are case-sensitive.
    /// False for anything else, which kube-apiserver answers with 400 <c>unrecognized includeObject value: "x"</c>.
    /// </summary>
    public static bool TryParseIncludeObject(string? value, out IncludeObjectPolicy policy)
    {
        switch (value)
        {
            case null or "" or "Metadata":
                policy = IncludeObjectPolicy.Metadata;
                return true;
            case "None":
                policy = IncludeObjectPolicy.None;
                return true;
            case "Object":
                policy = IncludeObjectPolicy.Object;
                return true;
            default:
                policy = IncludeObjectPolicy.Metadata;
                return false;
        }
    }
}
