using System.Globalization;
using Microsoft.Extensions.Logging;
using VmAddon.Core.Launcher.Plan;
using VmAddon.Launcher.CloudInit;
using VmAddon.Launcher.Logging;
using VmAddon.Launcher.Tools;

namespace VmAddon.Launcher.Disks;

/// <summary>
/// Creates the plan's overlays, empty disks and cloud-init seeds before libvirt starts. Each file is written under a
/// temporary name and renamed, and an existing one is kept, so a restarted container keeps the guest's writes.
/// </summary>
internal sealed class DiskPreparer(SeedImageBuilder seeds, ILogger<DiskPreparer> logger)
{
    public async Task PrepareAsync(LauncherPlan plan, CancellationToken cancellationToken)
    {
        foreach (var disk in plan.ContainerDisks)
        {
            await CreateOverlayAsync(disk, cancellationToken).ConfigureAwait(false);
        }

        foreach (var disk in plan.EmptyDisks)
        {
            await CreateEmptyDiskAsync(disk, cancellationToken).ConfigureAwait(false);
        }

        foreach (var seed in plan.CloudInitSeeds)
        {
            await seeds.BuildAsync(seed, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateOverlayAsync(ContainerDiskOverlay disk, CancellationToken cancellationToken)
    {
        var volume = PlanVolumeNames.OfOverlay(disk.OverlayPath);
        if (File.Exists(disk.OverlayPath))
        {
            logger.DiskKept(volume, disk.OverlayPath);
            return;
        }

        var files = Directory.Exists(disk.BackingPath)
            ? Directory.GetFiles(disk.BackingPath)
            : File.Exists(disk.BackingPath)
                ? null
                : throw new LauncherException($"containerDisk volume \"{volume}\": {disk.BackingPath} does not exist.");
        var backing = Path.GetFullPath(BackingFileResolver.Resolve(volume, disk.BackingPath, files));

        // -U: a running QEMU of an earlier container may still hold the image's lock; reading its header is safe.
        var info = await RunAsync(volume, ExternalTool.QemuImg, ["info", "-U", "--output=json", backing], cancellationToken).ConfigureAwait(false);
        var format = ImageFormat.FromQemuImgInfo(info.StandardOutput, backing);
        await CreateAtomicallyAsync(volume, disk.OverlayPath, temporary => ["create", "-q", "-f", "qcow2", "-F", format, "-b", backing, temporary], cancellationToken).ConfigureAwait(false);
        logger.OverlayCreated(volume, disk.OverlayPath, backing, format);
    }

    private async Task CreateEmptyDiskAsync(EmptyDiskImage disk, CancellationToken cancellationToken)
    {
        var volume = PlanVolumeNames.OfEmptyDisk(disk.Path);
        if (File.Exists(disk.Path))
        {
            logger.DiskKept(volume, disk.Path);
            return;
        }

        var size = disk.SizeBytes.ToString(CultureInfo.InvariantCulture);
        await CreateAtomicallyAsync(volume, disk.Path, temporary => ["create", "-q", "-f", "qcow2", temporary, size], cancellationToken).ConfigureAwait(false);
        logger.EmptyDiskCreated(volume, disk.Path, disk.SizeBytes);
    }

    private static async Task CreateAtomicallyAsync(string volume, string path, Func<string, string[]> arguments, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".partial";
        File.Delete(temporary);
        await RunAsync(volume, ExternalTool.QemuImg, arguments(temporary), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: false);
    }

    private static async Task<ProcessResult> RunAsync(string volume, ExternalTool tool, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await ToolRunner.RunAsync(tool, arguments, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0
            ? result
            : throw new LauncherException($"volume \"{volume}\": {tool.Command} {arguments[0]} failed: {result.Reason}");
    }
}
