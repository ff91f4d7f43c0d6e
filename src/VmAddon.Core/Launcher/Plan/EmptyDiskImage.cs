namespace VmAddon.Core.Launcher.Plan;

/// <summary>A blank disk image of <see cref="SizeBytes"/> the launcher creates at <see cref="Path"/>.</summary>
public sealed record EmptyDiskImage(string Path, long SizeBytes);
