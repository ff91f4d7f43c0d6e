namespace VmAddon.Patching;

/// <summary>How a strategic merge patch treats one field, as Go's patchStrategy struct tag says.</summary>
public enum PatchStrategy
{
    /// <summary>No tag: maps merge, lists are replaced whole.</summary>
    Default,

    /// <summary>Lists merge: by the merge key for lists of maps, as a set for lists of primitives.</summary>
    Merge,

    /// <summary>The patch value replaces the field whole, maps included.</summary>
    Replace,
}
