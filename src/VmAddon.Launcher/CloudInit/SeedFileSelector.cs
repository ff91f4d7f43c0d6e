using VmAddon.Core.Launcher;

namespace VmAddon.Launcher.CloudInit;

/// <summary>
/// Picks the seed's files from what the Pod projected. Inline data arrives under NoCloud's own names; a Secret's keys
/// arrive under KubeVirt's spellings (<see cref="LauncherLayout.CloudInitUserDataSecretKeys"/>), tried in order.
/// </summary>
internal static class SeedFileSelector
{
    /// <exception cref="LauncherException">meta-data is missing, without which NoCloud ignores the seed.</exception>
    public static SeedFiles Select(string volume, string sourceDir, IReadOnlyCollection<string> fileNames)
    {
        var metaData = fileNames.Contains(LauncherLayout.CloudInitMetaDataFile)
            ? LauncherLayout.CloudInitMetaDataFile
            : throw new LauncherException($"cloudInitNoCloud volume \"{volume}\": {sourceDir} has no {LauncherLayout.CloudInitMetaDataFile} file.");
        return new SeedFiles(
            metaData,
            First(fileNames, [LauncherLayout.CloudInitUserDataFile, .. LauncherLayout.CloudInitUserDataSecretKeys]),
            First(fileNames, [LauncherLayout.CloudInitNetworkConfigFile, .. LauncherLayout.CloudInitNetworkDataSecretKeys]));
    }

    private static string? First(IReadOnlyCollection<string> fileNames, IEnumerable<string> candidates) =>
        candidates.FirstOrDefault(fileNames.Contains);
}
