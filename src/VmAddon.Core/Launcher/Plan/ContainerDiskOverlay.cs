namespace VmAddon.Core.Launcher.Plan;

/// <summary>
/// A qcow2 overlay the launcher creates over a containerDisk, so the guest writes to the Pod's emptyDir and the
/// image stays read-only. <see cref="BackingPath"/> is the disk file, or a directory whose only file is the disk.
/// </summary>
public sealed record ContainerDiskOverlay(string OverlayPath, string BackingPath);
