using VmAddon.Core.Launcher;

namespace VmAddon.Launcher.Disks;

/// <summary>
/// The VMI volume a plan entry belongs to, read back from the file names <see cref="LauncherLayout"/> gives, so errors
/// name the volume the user wrote; a path laid out otherwise is named by itself.
/// </summary>
internal static class PlanVolumeNames
{
    private const string OverlayPrefix = "container-disk-";
    private const string EmptyDiskPrefix = "empty-disk-";
    private const string QcowSuffix = ".qcow2";
    private const string IsoSuffix = ".iso";

    public static string OfOverlay(string overlayPath) => Strip(overlayPath, OverlayPrefix, QcowSuffix);

    public static string OfEmptyDisk(string path) => Strip(path, EmptyDiskPrefix, QcowSuffix);

    public static string OfSeed(string isoPath) => Strip(isoPath, "", IsoSuffix);

    private static string Strip(string path, string prefix, string suffix)
    {
        var file = Path.GetFileName(path);
        return file.Length > prefix.Length + suffix.Length
            && file.StartsWith(prefix, StringComparison.Ordinal)
            && file.EndsWith(suffix, StringComparison.Ordinal)
            ? file[prefix.Length..^suffix.Length]
            : path;
    }
}
