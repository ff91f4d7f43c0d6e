namespace VmAddon.Patching;

/// <summary>Which half of a difference to keep: kubectl apply takes additions and changes from the live object, deletions from the last-applied one.</summary>
internal sealed record DiffOptions(bool IgnoreDeletions, bool IgnoreChangesAndAdditions);
