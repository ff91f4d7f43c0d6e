namespace VmAddon.Core.Launcher.Plan;

/// <summary>
/// A NoCloud seed image (volume label cidata) the launcher builds at <see cref="IsoPath"/> from the files the Pod
/// projects into <see cref="SourceDir"/> (see <see cref="LauncherLayout.CloudInitMetaDataFile"/> and its siblings).
/// </summary>
public sealed record CloudInitSeedImage(string SourceDir, string IsoPath);
