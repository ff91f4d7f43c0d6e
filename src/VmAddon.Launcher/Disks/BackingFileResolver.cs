namespace VmAddon.Launcher.Disks;

/// <summary>
/// Finds a containerDisk's image file. KubeVirt images put the disk in /disk, so the mount is a directory whose only
/// file is the disk; the plan may also name the file itself.
/// </summary>
internal static class BackingFileResolver
{
    /// <summary>The disk file: <paramref name="backingPath"/> itself when it is a file, else the only file of that directory.</summary>
    /// <param name="volume">The VMI volume, named in errors.</param>
    /// <param name="backingPath">The plan's backing path.</param>
    /// <param name="filesInDirectory">The regular files in <paramref name="backingPath"/> when it is a directory; null when it is not one.</param>
    /// <exception cref="LauncherException">The directory holds no file or several files.</exception>
    public static string Resolve(string volume, string backingPath, IReadOnlyList<string>? filesInDirectory)
    {
        if (filesInDirectory is null)
        {
            return backingPath;
        }

        return filesInDirectory.Count switch
        {
            1 => filesInDirectory[0],
            0 => throw new LauncherException($"containerDisk volume \"{volume}\": {backingPath} holds no disk image file; the image must hold exactly one file there."),
            _ => throw new LauncherException(
                $"containerDisk volume \"{volume}\": {backingPath} holds {filesInDirectory.Count} files ({string.Join(", ", filesInDirectory.Select(Path.GetFileName).Order(StringComparer.Ordinal))}); the image must hold exactly one disk file there."),
        };
    }
}
