using Microsoft.Extensions.Logging;
using VmAddon.Core.Launcher;
using VmAddon.Core.Launcher.Plan;
using VmAddon.Launcher.Disks;
using VmAddon.Launcher.Logging;
using VmAddon.Launcher.Tools;

namespace VmAddon.Launcher.CloudInit;

/// <summary>Builds a NoCloud seed: an ISO 9660 image labelled cidata holding meta-data, user-data and network-config.</summary>
internal sealed class SeedImageBuilder(ILogger<SeedImageBuilder> logger)
{
    /// <summary>The volume label cloud-init's NoCloud datasource looks for.</summary>
    public const string VolumeLabel = "cidata";

    public async Task BuildAsync(CloudInitSeedImage seed, CancellationToken cancellationToken)
    {
        var volume = PlanVolumeNames.OfSeed(seed.IsoPath);
        if (File.Exists(seed.IsoPath))
        {
            logger.DiskKept(volume, seed.IsoPath);
            return;
        }

        if (!Directory.Exists(seed.SourceDir))
        {
            throw new LauncherException($"cloudInitNoCloud volume \"{volume}\": {seed.SourceDir} does not exist.");
        }

        var names = Directory.GetFiles(seed.SourceDir).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var files = SeedFileSelector.Select(volume, seed.SourceDir, names);
        var grafts = new List<string> { Graft(LauncherLayout.CloudInitMetaDataFile, seed.SourceDir, files.MetaData) };
        if (files.UserData is { } userData)
        {
            grafts.Add(Graft(LauncherLayout.CloudInitUserDataFile, seed.SourceDir, userData));
        }

        if (files.NetworkConfig is { } networkConfig)
        {
            grafts.Add(Graft(LauncherLayout.CloudInitNetworkConfigFile, seed.SourceDir, networkConfig));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(seed.IsoPath))!);
        var temporary = seed.IsoPath + ".partial";
        File.Delete(temporary);
        string[] arguments = ["-quiet", "-output", temporary, "-volid", VolumeLabel, "-joliet", "-rock", "-graft-points", .. grafts];
        var result = await ToolRunner.RunAsync(ExternalTool.Genisoimage, arguments, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new LauncherException($"cloudInitNoCloud volume \"{volume}\": genisoimage failed: {result.Reason}");
        }

        File.Move(temporary, seed.IsoPath, overwrite: false);
        logger.SeedCreated(volume, seed.IsoPath, files.UserData is not null, files.NetworkConfig is not null);
    }

    /// <summary>
    /// A genisoimage graft point "name-in-iso=file". Projected volumes make each file a symlink into a hidden
    /// timestamped directory, so the target is resolved here rather than stored as a link.
    /// </summary>
    private static string Graft(string nameInImage, string sourceDir, string fileName)
    {
        var path = Path.Combine(sourceDir, fileName);
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
        return $"{nameInImage}={target.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal)}";
    }
}
