namespace VmAddon.Patching;

/// <summary>Strategic merge patch metadata of one field: its strategy, merge key and whether it retains keys.</summary>
public sealed record StrategicField(PatchStrategy Strategy = PatchStrategy.Default, string? MergeKey = null, bool RetainKeys = false)
{
    /// <summary>A field without tags: maps merge, lists are replaced.</summary>
    public static StrategicField Untagged { get; } = new();

    public static StrategicField MergeBy(string mergeKey, bool retainKeys = false) => new(PatchStrategy.Merge, mergeKey, retainKeys);

    public static StrategicField MergePrimitives { get; } = new(PatchStrategy.Merge);

    public bool MergesList => Strategy == PatchStrategy.Merge;
}
